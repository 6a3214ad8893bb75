import { describe, expect, it } from 'vitest';
import type { BannerResult } from '../model/results';
import { NUMBER_STYLES, formatNumber } from './number';
import { buildTableModel } from './table-model';
import { tableToCsv } from './csv';
import { tableToHtml } from './html';
import { tableToClipboard, tableToTsv } from './clipboard';

const symbols = { unknown: '.', suppressed: 'x', nil: '-' };

/** Hand-made banner: Totaal | Gemeente (A, B) | Geslacht × Leeftijd (Man: A, B). One cell suppressed. */
function sample(): BannerResult {
  const step = (variable: string, code: number, label: string) => ({ variable, code, label });
  const cell = (count: number, pct: number | null, sig = '', suppressed = false) => ({
    count: suppressed ? null : count,
    weighted: suppressed ? null : count,
    pct: suppressed ? null : pct,
    sig,
    suppressed,
  });
  return {
    kind: 'banner',
    rowVariable: { name: 'q1', label: 'Tevreden; "echt" <ja>' },
    rows: [
      { code: 1, label: 'Ja' },
      { code: 2, label: 'Nee\u0002' },
    ],
    columns: [
      { key: 'total', path: [], label: 'Totaal', group: 'Totaal', letter: '' },
      { key: 'g=1', path: [step('gemeente', 1, 'Groningen')], label: 'Groningen', group: 'Gemeente', letter: 'A' },
      { key: 'g=2', path: [step('gemeente', 2, 'Pekela')], label: 'Pekela', group: 'Gemeente', letter: 'B' },
      { key: 's=1|l=1', path: [step('geslacht', 1, 'Man'), step('leeftijd_gr', 1, 'Jong')], label: 'Jong', group: 'Geslacht: Man', letter: 'A' },
      { key: 's=1|l=2', path: [step('geslacht', 1, 'Man'), step('leeftijd_gr', 2, 'Oud')], label: 'Oud', group: 'Geslacht: Man', letter: 'B' },
    ],
    cells: [
      [cell(60, 60.04), cell(50, 62.5, 'B'), cell(0, 0, '', true), cell(20, 1234.56), cell(0, 0)],
      [cell(40, 39.96), cell(30, 37.5), cell(0, 0, '', true), cell(20, 50), cell(12, null)],
    ],
    base: { count: [100, 80, 20, 40, 12], weighted: [100, 80, 20, 40, 12], effective: [100, 80, 20, 40, 12] },
    weight: null,
    tests: { method: 'z', adjust: 'bonferroni', alpha: 0.05 },
    rules: { ruleSet: 'cbs-persons', status: 'suppressed', primary: 2, secondary: 0, reasons: [] },
  };
}

const labels: Record<string, string> = { gemeente: 'Gemeente', geslacht: 'Geslacht', leeftijd_gr: 'Leeftijd' };
const model = () => buildTableModel(sample(), { symbols, decimals: 1, sigDisplay: 'letters', language: 'nl', variableLabel: (n) => labels[n] ?? n });

describe('formatNumber', () => {
  it('writes Dutch and English numbers, rounding half away from zero', () => {
    expect(formatNumber(1234.56, 1, NUMBER_STYLES.nl)).toBe('1.234,6');
    expect(formatNumber(1234.56, 1, NUMBER_STYLES.en)).toBe('1,234.6');
    expect(formatNumber(1000000, 0, NUMBER_STYLES.nl)).toBe('1.000.000');
    expect(formatNumber(2.675, 2, NUMBER_STYLES.nl)).toBe('2,68');
    expect(formatNumber(0.05, 1, NUMBER_STYLES.en)).toBe('0.1');
    expect(formatNumber(-0.04, 1, NUMBER_STYLES.nl)).toBe('0,0');
    expect(formatNumber(-12.25, 1, NUMBER_STYLES.nl)).toBe('-12,3');
    expect(formatNumber(NaN, 1, NUMBER_STYLES.nl)).toBe('');
  });
});

describe('table model', () => {
  it('keeps no value for suppressed cells and marks nil and unknown', () => {
    const m = model();
    expect(m.rows[0].cells[2]).toEqual({ value: null, state: 'suppressed', sig: '', bold: false });
    expect(m.rows[0].cells[4].state).toBe('nil');
    expect(m.rows[1].cells[4].state).toBe('unknown');
    expect(m.rows[0].cells[1]).toMatchObject({ value: 62.5, sig: 'B' });
    expect(m.rows.at(-1)).toMatchObject({ kind: 'base', label: 'Basis (ongewogen n)' });
    expect(m.suppressedCells).toBe(2);
  });

  it('adds count and weighted-base rows on request, with the same suppression', () => {
    const m = buildTableModel(sample(), { symbols, decimals: 1, sigDisplay: 'bold', language: 'en', counts: true, weightedBase: true });
    expect(m.rows.map((r) => r.kind)).toEqual(['category', 'category', 'count', 'count', 'weightedBase', 'base']);
    expect(m.rows[2].label).toBe('Ja — Count (unweighted)');
    expect(m.rows[2].cells.map((c) => c.state)).toEqual(['value', 'value', 'suppressed', 'value', 'nil']);
    expect(m.rows[0].cells[1]).toMatchObject({ value: 62.5, sig: '', bold: true });
    expect(m.sigColumns).toBe(false);
  });

  it('lays out the header: items on top, nested steps merged, letters last, Totaal spanning all', () => {
    const m = model();
    expect(m.headerRows).toBe(4);
    expect(m.header).toContainEqual({ row: 0, col: 0, rowSpan: 4, colSpan: 1, label: 'Totaal' });
    expect(m.header).toContainEqual({ row: 0, col: 1, rowSpan: 1, colSpan: 2, label: 'Gemeente' });
    expect(m.header).toContainEqual({ row: 1, col: 1, rowSpan: 2, colSpan: 1, label: 'Groningen' });
    expect(m.header).toContainEqual({ row: 0, col: 3, rowSpan: 1, colSpan: 2, label: 'Geslacht × Leeftijd' });
    expect(m.header).toContainEqual({ row: 1, col: 3, rowSpan: 1, colSpan: 2, label: 'Man' });
    expect(m.header).toContainEqual({ row: 2, col: 4, rowSpan: 1, colSpan: 1, label: 'Oud' });
    expect(m.header).toContainEqual({ row: 3, col: 4, rowSpan: 1, colSpan: 1, label: 'B' });
  });

  it('writes footnotes: unweighted note, letters, suppression count and the legend', () => {
    const notes = model().notes.join('\n');
    expect(notes).toMatch(/ongewogen/);
    expect(notes).toMatch(/Bonferroni/);
    expect(notes).toMatch(/2 cellen zijn onderdrukt/);
    expect(notes).toMatch(/x = geheim/);
  });
});

describe('CSV, HTML and clipboard', () => {
  it('writes Dutch CSV with BOM, semicolons, decimal commas and quoted fields', () => {
    const csv = tableToCsv([model()], { dialect: 'nl', symbols });
    expect(csv.startsWith('\ufeff"Tevreden; ""echt"" <ja>"')).toBe(true);
    const ja = csv.split('\r\n').find((l) => l.startsWith('Ja;'))!;
    expect(ja.split(';')).toEqual(['Ja', '60,0', '', '62,5', 'B', 'x', '', '1234,6', '', '-', '']);
    const en = tableToCsv([model()], { dialect: 'en', symbols, bom: false });
    expect(
      en
        .split('\r\n')
        .find((l) => l.startsWith('Ja,'))!
        .split(','),
    ).toEqual(['Ja', '60.0', '', '62.5', 'B', 'x', '', '1234.6', '', '-', '']);
  });

  it('writes an accessible HTML table', () => {
    const html = tableToHtml(model(), { symbols, language: 'nl' });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<caption>Tevreden; &#34;echt&#34; &#60;ja&#62;</caption>');
    expect(html).toContain('<th scope="col" rowspan="4">Totaal</th>');
    expect(html).toContain('<th scope="colgroup" colspan="2">Gemeente</th>');
    expect(html).toContain('<th scope="row">Ja</th>');
    expect(html).toContain('<abbr title="geheim (te weinig waarnemingen om te publiceren)">x</abbr>');
    expect(html).toContain('<td>62,5 <span class="sig">B</span></td>');
    expect(html).toContain('<th scope="row">Nee</th>');
    // The header has one <tr> per header row and each row's cells cover the full width.
    expect(html.match(/<thead>[\s\S]*<\/thead>/)![0].match(/<tr>/g)!.length).toBe(4);
  });

  it('copies as HTML plus tab-separated text of the same grid', () => {
    const clip = tableToClipboard(model(), symbols, 'nl');
    expect(clip.html.startsWith('<table>')).toBe(true);
    const lines = clip.text.split('\n');
    expect(lines[0]).toBe('Tevreden; "echt" <ja>' + '\t'.repeat(10));
    expect(lines.find((l) => l.startsWith('Ja\t'))!.split('\t')).toEqual(['Ja', '60,0', '', '62,5', 'B', 'x', '', '1234,6', '', '-', '']);
    expect(tableToTsv(model(), symbols, 'en')).toContain('1234.6');
  });
});
