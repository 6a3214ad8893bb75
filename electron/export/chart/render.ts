/**
 * Server-side rendering: ECharts draws the option to an SVG string in Node (no window, no animation),
 * resvg rasterises it with the bundled font only, and the PNG gets its DPI written in.
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { chartCanvas } from '../../../shared/chart/spec';
import { CHART_FONT_FAMILY, measureCssFont, nativeFontFiles } from './fonts';
import { setPngDpi } from './png';

let platformReady = false;

function ensurePlatform(): void {
  if (platformReady) return;
  // zrender has no canvas in Node; give it the bundled font's real advance widths.
  echarts.setPlatformAPI({ measureText: (text: string, font?: string) => ({ width: measureCssFont(text, font) }) } as never);
  platformReady = true;
}

export interface SvgSize {
  /** CSS px (96 per inch), fractional allowed. */
  widthPx: number;
  heightPx: number;
}

/** Renders an option to a standalone SVG document. Always disposes the chart (else Node never exits). */
export function renderChartSvg(option: EChartsOption, size: SvgSize): string {
  ensurePlatform();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.widthPx, height: size.heightPx });
  try {
    chart.setOption({ ...option, animation: false });
    return withTitle(tidySvg(chart.renderToSVGString()), option);
  } finally {
    chart.dispose();
  }
}

/** Drops the hover CSS ECharts adds for interactive pages; a print figure has no pointer. */
function tidySvg(svg: string): string {
  return svg.replace(/<style\s*>\s*<!\[CDATA\[[\s\S]*?\]\]>\s*<\/style>/g, '');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** ECharts puts its aria label on the DOM container, which SSR has not: carry it into the SVG itself. */
function withTitle(svg: string, option: EChartsOption): string {
  const aria = option.aria as { label?: { description?: string } } | undefined;
  const desc = aria?.label?.description;
  if (!desc) return svg;
  return svg.replace(/<svg\b([^>]*)>/, (m) => `${m.slice(0, -1)} role="img"><title>${escapeXml(desc)}</title>`);
}

function setRootSize(svg: string, width: string, height: string, extra = ''): string {
  return svg.replace(/<svg\b([^>]*)>/, (_m, attrs: string) => {
    const rest = attrs.replace(/\s(width|height|preserveAspectRatio)="[^"]*"/g, '');
    return `<svg width="${width}" height="${height}"${extra}${rest}>`;
  });
}

/** The SVG for a file: physical size in mm so it lands at print size in Word or InDesign. */
export function svgForPrint(svg: string, size: { widthMm: number; heightMm: number }): string {
  const mm = (v: number) => `${Math.round(v * 1000) / 1000}mm`;
  return setRootSize(svg, mm(size.widthMm), mm(size.heightMm));
}

export interface PngSize {
  widthMm: number;
  heightMm: number;
  dpi: number;
}

/**
 * Rasterises at exactly round(mm / 25.4 × dpi) pixels each way. The root is resized to those pixels
 * over the unchanged viewBox; rounding makes the two scales differ by under half a pixel, which
 * preserveAspectRatio="none" absorbs instead of leaving a transparent sliver at an edge.
 */
export function renderChartPng(svg: string, size: PngSize): Buffer {
  const { pixelWidth, pixelHeight } = chartCanvas(size);
  const sized = setRootSize(svg, String(pixelWidth), String(pixelHeight), ' preserveAspectRatio="none"');
  const resvg = new Resvg(sized, {
    fitTo: { mode: 'original' },
    font: { fontFiles: nativeFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
    background: '#ffffff',
    shapeRendering: 2,
    textRendering: 1,
  });
  const img = resvg.render();
  if (img.width !== pixelWidth || img.height !== pixelHeight) {
    throw new Error(`PNG came out ${img.width}×${img.height}, expected ${pixelWidth}×${pixelHeight}`);
  }
  return setPngDpi(Buffer.from(img.asPng()), size.dpi);
}
