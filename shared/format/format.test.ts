import { describe, expect, it } from 'vitest';
import type { BannerResult } from '../model/results';
import { NUMBER_STYLES, formatNumber } from './number';
import { DEFAULT_STATISTICS } from '../query/table-query';
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

  it('shows each chosen statistic as a row under its category, named in a column of its own, with the same suppression', () => {
    const statistics = { ...DEFAULT_STATISTICS, counts: true, weightedBase: true, effectiveBase: true };
    const weighted = { ...sample(), weight: { variable: 'w', type: 'sampling' as const, excluded: 0 } };
    const m = buildTableModel(weighted, { statistics, symbols, decimals: 1, sigDisplay: 'bold', language: 'en' });
    expect(m.rows.map((r) => `${r.kind}:${r.statKey ?? ''}`)).toEqual([
      'category:pct',
      'category:count',
      'category:pct',
      'category:count',
      'weightedBase:',
      'effectiveBase:',
      'base:',
    ]);
    expect(m.statColumn).toBe(true);
    expect(m.rows[0]).toMatchObject({ label: 'Ja', stat: 'Column %', last: false });
    expect(m.rows[1]).toMatchObject({ label: '', stat: 'Count (unweighted)', decimals: 0, last: true });
    expect(m.rows[1].cells.map((c) => c.state)).toEqual(['value', 'value', 'suppressed', 'value', 'nil']);
    expect(m.rows[0].cells[1]).toMatchObject({ value: 62.5, sig: '', bold: true });
    expect(m.sigColumns).toBe(false);
    // A suppressed cell counts once, however many statistics show it.
    expect(m.suppressedCells).toBe(2);
    // Weighted counts only for a weighted table.
    const plain = buildTableModel(sample(), { statistics: { ...statistics, weighted: true }, symbols, decimals: 1, sigDisplay: 'none', language: 'en' });
    expect(plain.rows.some((r) => r.statKey === 'weighted' || r.kind === 'weightedBase')).toBe(false);
  });

  it("adds the mean row with its letters, and the rules' reasons when asked", () => {
    const withMeans = {
      ...sample(),
      means: { mean: [1.5, 1.4, null, 1.5, 2], se: [0.1, 0.1, null, 0.1, 0.1], n: [100, 80, null, 40, 12], sig: ['', 'C', '', '', ''] },
      rules: {
        ruleSet: 'cbs-persons' as const,
        status: 'suppressed' as const,
        primary: 2,
        secondary: 0,
        reasons: ['2 cells suppressed'],
        messages: [{ code: 'primary-banner' as const, n: 2, min: 10 }],
      },
    };
    const m = buildTableModel(withMeans, {
      statistics: { ...DEFAULT_STATISTICS, means: true },
      symbols,
      decimals: 1,
      sigDisplay: 'letters',
      language: 'nl',
      ruleNotes: true,
    });
    const mean = m.rows.find((r) => r.kind === 'mean')!;
    expect(mean).toMatchObject({ label: 'Gemiddelde', decimals: 2 });
    expect(mean.cells[1]).toMatchObject({ value: 1.4, sig: 'C' });
    expect(mean.cells[2].state).toBe('unknown');
    expect(m.notes.find((n) => n.kind === 'reasons')?.text).toMatch(/^Outputregels: /);
    expect(m.notes.find((n) => n.kind === 'tests' && /gemiddelde/.test(n.text))).toBeDefined();
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
    const notes = model()
      .notes.map((n) => n.text)
      .join('\n');
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
