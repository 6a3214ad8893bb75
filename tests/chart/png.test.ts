// PNG output: exact pixel size for the print size, DPI in pHYs, atomic files chosen by extension.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildChartOption } from '../../shared/chart/build';
import { defaultChartStyle, readPngInfo, renderChartPng, renderChartSvg, setPngDpi, writeChart } from '../../electron/export/chart';
import { parseSvg, table, texts } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'duiding-chart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const t = table(
  ['Ja', 'Nee'],
  ['A', 'B'],
  [
    [30, 12],
    [20, 40],
  ],
);
const option = buildChartOption({ kind: 'crosstab', table: t, meta: { rowLabel: 'Vraag' } }, { type: 'bar' }, defaultChartStyle);

describe('renderChartPng', () => {
  it('renders 160 × 100 mm at 300 dpi as 1890 × 1181 px with 300 dpi recorded', () => {
    const svg = renderChartSvg(option, { widthPx: (160 / 25.4) * 96, heightPx: (100 / 25.4) * 96 });
    const info = readPngInfo(renderChartPng(svg, { widthMm: 160, heightMm: 100, dpi: 300 }));
    expect([info.width, info.height]).toEqual([1890, 1181]);
    expect(info.ppmX).toBe(11811);
    expect(info.ppmY).toBe(11811);
    expect(info.dpi).toBe(300);
  });

  it.each([
    [85, 60, 150, 502, 354],
    [210, 297, 96, 794, 1123],
    [50.8, 25.4, 600, 1200, 600],
  ])('%s × %s mm at %s dpi → %s × %s px', (w, h, dpi, pw, ph) => {
    const svg = renderChartSvg(option, { widthPx: (w / 25.4) * 96, heightPx: (h / 25.4) * 96 });
    const info = readPngInfo(renderChartPng(svg, { widthMm: w, heightMm: h, dpi }));
    expect([info.width, info.height]).toEqual([pw, ph]);
    // pHYs holds whole pixels per metre: the DPI read back is exact to within half a step (0.0127 dpi).
    expect(info.ppmX).toBe(Math.round(dpi / 0.0254));
    expect(Math.abs(info.dpi! - dpi)).toBeLessThan(0.0127);
  });

  it('replaces an existing pHYs chunk instead of adding a second', () => {
    const svg = renderChartSvg(option, { widthPx: 200, heightPx: 100 });
    const png = renderChartPng(svg, { widthMm: 20, heightMm: 10, dpi: 300 });
    const again = setPngDpi(png, 72);
    expect(readPngInfo(again).ppmX).toBe(2835);
    expect(again.toString('latin1').split('pHYs').length - 1).toBe(1);
  });
});

describe('writeChart', () => {
  it('writes SVG at its physical size and PNG by extension, leaving no temp files', async () => {
    const svgOut = await writeChart(join(dir, 'c.svg'), option, { widthMm: 160, heightMm: 100, dpi: 300 });
    const pngOut = await writeChart(join(dir, 'c.PNG'), option, { widthMm: 160, heightMm: 100, dpi: 300 });
    expect(svgOut.format).toBe('svg');
    expect(pngOut.format).toBe('png');
    const svg = readFileSync(join(dir, 'c.svg'), 'utf8');
    expect(svg).toMatch(/^<svg width="160mm" height="100mm"/);
    expect(svg).not.toContain(':hover');
    expect(texts(parseSvg(svg))).toContain('Vraag');
    expect(svg).toMatch(/^<svg [^>]*role="img"><title>Vraag\. Basis: n = 102/);
    expect(readPngInfo(readFileSync(join(dir, 'c.PNG')))).toMatchObject({ width: 1890, height: 1181, dpi: 300 });
    expect(readdirSync(dir).sort()).toEqual(['c.PNG', 'c.svg']);
  });

  it('refuses other extensions without creating a file', async () => {
    await expect(writeChart(join(dir, 'c.jpg'), option, { widthMm: 160, heightMm: 100, dpi: 300 })).rejects.toThrow(/\.svg or \.png/);
    expect(readdirSync(dir)).not.toContain('c.jpg');
  });
});
