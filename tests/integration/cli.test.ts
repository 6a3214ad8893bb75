/**
 * The `duiding` command as users script it: JSON shapes from docs/cli.md, numbers against R on the demo
 * data (tests/oracle/demo/make.sh → expected.json), errors as one line and a non-zero exit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ensureDemoProject } from '../../electron/startup/demo-project';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { auditSuppression, crosstabLayout, flattenCrosstab } from '../../shared/disclosure/index';
import { readPngInfo } from '../../electron/export/chart/index';
import { expectP } from '../oracle/p-value';

const expected = JSON.parse(readFileSync(join(__dirname, '../oracle/demo/expected.json'), 'utf8'));

const json = async (...argv: string[]) => {
  const r = await cli(...argv, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
};

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe('duiding describe', () => {
  it('prints the docs/cli.md shape for demo', async () => {
    const d = await json('describe', 'demo');
    expect(d.rows).toBe(12128);
    expect(d.weight).toBe('gewicht');
    const vertrouwen = d.variables.find((v: { name: string }) => v.name === 'vertrouwen');
    expect(vertrouwen).toMatchObject({ type: 'numeric', measure: 'ordinal', missing: { values: [9], range: null } });
    expect(vertrouwen.valueLabels['9']).toBe('Weet niet');
    expect(Object.keys(vertrouwen).sort()).toEqual(expect.arrayContaining(['label', 'measure', 'missing', 'name', 'type', 'valueLabels']));
  });
});

describe('duiding freq', () => {
  it('matches R on the demo data (unweighted counts, Σw, valid %)', async () => {
    const f = await json('freq', 'demo', '--var', 'leefbaarheid', '--weight', 'gewicht', '--rules', 'none', '--reason', 'vergelijking met de R-referentie');
    expect(f.categories.map((c: { code: number }) => c.code)).toEqual(expected.freq.codes);
    expect(f.categories.map((c: { count: number }) => c.count)).toEqual(expected.freq.count);
    f.categories.forEach((c: { weighted: number; validPercent: number | null; missing: boolean }, i: number) => {
      expect(rel(c.weighted, expected.freq.weighted[i])).toBeLessThan(1e-9);
      if (!c.missing) expect(rel(c.validPercent!, expected.freq.validPercentWeighted[i])).toBeLessThan(1e-9);
    });
    expect(f.categories.at(-1)).toMatchObject({ code: 99, label: 'Weet niet', missing: true });
    expect(f.weight).toBe('gewicht');
  });

  it('is unweighted without --weight even though the file names a weight', async () => {
    const f = await json('freq', 'demo', '--var', 'leefbaarheid', '--rules', 'none', '--reason', 'vergelijking met de R-referentie');
    expect(f.weight).toBeNull();
    for (const c of f.categories) expect(c.weighted).toBe(c.count);
  });
});

describe('duiding crosstab', () => {
  it('matches R: counts, Σw, Pearson and LR chi-square, Rao–Scott F', async () => {
    const t = await json('crosstab', 'demo', '--rows', 'gemeente', '--cols', 'vertrouwen', '--rules', 'none', '--reason', 'vergelijking met de R-referentie');
    expect(t.count).toEqual(expected.crosstab.count);
    for (const k of ['pearson', 'lr'] as const) {
      expect(rel(t.chi2[k].value, expected.crosstab[k].value)).toBeLessThan(1e-9);
      expect(t.chi2[k].df).toBe(expected.crosstab[k].df);
      expectP(t.chi2[k].p, expected.crosstab[k].p, k);
    }
    const w = await json(
      'crosstab',
      'demo',
      '--rows',
      'gemeente',
      '--cols',
      'vertrouwen',
      '--weight',
      'gewicht',
      '--weight-type',
      'sampling',
      '--rules',
      'none',
      '--reason',
      'vergelijking met de R-referentie',
    );
    w.weighted.forEach((row: number[], i: number) => row.forEach((v, j) => expect(rel(v, expected.crosstab.weighted[i][j])).toBeLessThan(1e-9)));
    expect(w.count).toEqual(expected.crosstab.count);
    const rs = expected.crosstab.raoScott;
    expect(rel(w.chi2.raoScott.F, rs.F)).toBeLessThan(1e-6);
    expect(rel(w.chi2.raoScott.ndf, rs.ndf)).toBeLessThan(1e-6);
    expect(rel(w.chi2.raoScott.ddf, rs.ddf)).toBeLessThan(1e-6);
    expectP(w.chi2.raoScott.p, rs.p, 'Rao–Scott');
  });

  it('suppresses the small demo cells under cbs-persons, and none can be recomputed from what it prints', async () => {
    const t = await json('crosstab', 'demo', '--rows', 'gemeente', '--cols', 'leeftijdsklasse', '--filter', 'golf = 2025');
    expect(t.rules).toMatchObject({ ruleSet: 'cbs-persons', status: 'suppressed' });
    const flat: boolean[] = t.suppressed.flat();
    expect(flat.some(Boolean)).toBe(true);
    const pekela = t.rows.findIndex((r: { label: string }) => r.label === 'Pekela');
    expect(t.suppressed[pekela][0]).toBe(true);
    t.suppressed.forEach((row: boolean[], i: number) =>
      row.forEach((s, j) => {
        if (!s) return;
        for (const m of ['count', 'weighted', 'colPct', 'rowPct']) expect(t[m][i][j]).toBeNull();
      }),
    );
    // Independent of the suppression code's own bookkeeping: no row or column may hold exactly one
    // hidden cell while its total is printed.
    t.suppressed.forEach((row: boolean[], i: number) => {
      const hidden = row.filter(Boolean).length;
      if (t.rowCounts?.[i] !== null) expect(hidden === 0 || hidden >= 2).toBe(true);
    });
    // The attacker's view: the printed unweighted counts and margins, true values only for suppressed cells.
    const withCodes = await json(
      'crosstab',
      'demo',
      '--rows',
      'gemeente',
      '--cols',
      'leeftijdsklasse',
      '--filter',
      'golf = 2025',
      '--rules',
      'none',
      '--reason',
      'vergelijking met de R-referentie',
    );
    const R = withCodes.count.length;
    const C = withCodes.count[0].length;
    const rowN = withCodes.count.map((r: number[]) => r.reduce((a, b) => a + b, 0));
    const colN = withCodes.count[0].map((_: number, j: number) => withCodes.count.reduce((a: number, r: number[]) => a + r[j], 0));
    const values = flattenCrosstab(
      withCodes.count,
      rowN,
      colN,
      rowN.reduce((a: number, b: number) => a + b, 0),
    );
    const hidden = values.map(() => false);
    const layout = crosstabLayout(R, C);
    t.suppressed.forEach((row: boolean[], i: number) => row.forEach((s, j) => (hidden[layout.interior(i, j)] = s)));
    (t.rowCounts ?? t.rowTotals).forEach((v: number | null, i: number) => (hidden[layout.rowTotal(i)] = v === null));
    (t.colCounts ?? t.colTotals).forEach((v: number | null, j: number) => (hidden[layout.colTotal(j)] = v === null));
    const audit = auditSuppression(values, hidden, layout.table, () => 1, { integer: true });
    for (const a of audit) expect(a.hi - a.lo).toBeGreaterThan(0);
  });

  it('keeps the chi-square note text of its JSON and adds its codes; the text output says it in English', async () => {
    const args = ['crosstab', 'demo', '--rows', 'gemeente', '--cols', 'vertrouwen', '--weight', 'gewicht', '--weight-type', 'sampling'];
    args.push('--rules', 'none', '--reason', 'vergelijking met de R-referentie');
    const t = await json(...args);
    expect(t.chi2.notes).toEqual([{ code: 'chi2-sampling' }]);
    expect(t.chi2.note).toBe('Steekproefgewicht: toets volgens Rao–Scott; Pearson en LR op de naar n herschaalde tabel, zonder p');
    expect((await cli(...args)).out).toContain('Sampling weight: tested by Rao–Scott; Pearson and LR on the table rescaled to n, without p');
  });

  it('gives one block per pair with several row or column variables', async () => {
    const t = await json(
      'crosstab',
      'demo',
      '--rows',
      'gemeente,geslacht',
      '--cols',
      'vertrouwen',
      '--rules',
      'none',
      '--reason',
      'vergelijking met de R-referentie',
    );
    expect(t.tables).toHaveLength(2);
    expect(t.tables[1].rows.map((r: { label: string }) => r.label)).toEqual(['Man', 'Vrouw', 'Anders / zeg ik liever niet']);
  });
});

describe('duiding regress', () => {
  it('matches R lm with a categorical predictor against a chosen reference', async () => {
    const r = await json('regress', 'demo', '--dep', 'leefbaarheid', '--indep', 'leeftijd', '--categorical', 'gemeente:2');
    const e = expected.regress;
    expect(r.n).toBe(e.n);
    // R names dummies gemeente1, gemeente3…; ours gemeente=1, gemeente=3… in the same order.
    expect(r.coefficients.map((c: { term: string }) => c.term.replace('=', ''))).toEqual(e.term);
    r.coefficients.forEach((c: { b: number; se: number; p: number }, i: number) => {
      expect(rel(c.b, e.b[i])).toBeLessThan(1e-9);
      expect(rel(c.se, e.se[i])).toBeLessThan(1e-9);
      expectP(c.p, e.p[i], `${e.term[i]}.p`);
    });
    expect(rel(r.r2, e.r2)).toBeLessThan(1e-9);
    expect(r.rules).toMatchObject({ ruleSet: 'cbs-persons', status: 'safe' });
  });

  it('refuses a dependent with more than two values for logit, and fe without a panel id', async () => {
    expect((await cli('regress', 'demo', '--dep', 'leefbaarheid', '--indep', 'leeftijd', '--model', 'logit')).code).not.toBe(0);
    expect((await cli('regress', 'demo', '--dep', 'leefbaarheid', '--indep', 'leeftijd', '--model', 'fe')).err).toMatch(/--panel/);
  });
});

describe('duiding book and chart', () => {
  it('writes the example tabellenboek from a fresh clone', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'duiding-cli-')), 'boek.xlsx');
    const report = await json('book', 'demo', '--spec', join(__dirname, '../../resources/demo/book.json'), '--out', out);
    expect(existsSync(out)).toBe(true);
    expect(report.ruleSet).toBe('cbs-persons');
    expect(report.tables.map((t: { variable: string }) => t.variable)).toEqual([
      'leefbaarheid',
      'vertrouwen',
      'gezondheid',
      'eenzaamheid',
      'zorgen_schade',
      'financien',
      '$isolatie',
    ]);
  });

  it('runs the saved book by name: demo and a project give the same workbook as --spec', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-cli-book-'));
    const name = 'Burgerpanel Groningen 2025';
    await json('book', 'demo', '--spec', join(__dirname, '../../resources/demo/book.json'), '--out', join(dir, 'spec.xlsx'));
    await json('book', 'demo', '--book', name, '--out', join(dir, 'named.xlsx'));
    const project = ensureDemoProject(join(dir, 'home'));
    await json('book', `${project}#demo`, '--book', name, '--out', join(dir, 'project.xlsx'));
    const cells = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, file));
      return wb.worksheets.map((ws) => [ws.name, ws.getSheetValues().map((r) => (Array.isArray(r) ? r.map((v) => JSON.stringify(v ?? null)) : r))]);
    };
    const expected = await cells('spec.xlsx');
    expect(expected.length).toBeGreaterThan(2);
    expect(await cells('named.xlsx')).toEqual(expected);
    expect(await cells('project.xlsx')).toEqual(expected);
    const unknown = await cli('book', 'demo', '--book', 'Nope', '--out', join(dir, 'x.xlsx'));
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('Burgerpanel Groningen 2025');
    expect((await cli('book', 'demo', '--out', join(dir, 'x.xlsx'))).code).toBe(2);
  });

  it('writes a PNG of exactly width × height at the DPI, with the DPI recorded', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'duiding-cli-')), 'v.png');
    const r = await json('chart', 'demo', '--rows', 'vertrouwen', '--cols', 'gemeente', '--weight', 'gewicht', '--type', 'bar-100', '--out', out);
    expect(r).toMatchObject({ widthPx: 1890, heightPx: 1181 });
    const info = readPngInfo(readFileSync(out));
    expect(info.width).toBe(1890);
    expect(info.height).toBe(1181);
    expect(info.ppmX).toBe(Math.round(300 / 0.0254));
  });
});

describe('errors', () => {
  it('exit non-zero with one line on stderr', async () => {
    for (const argv of [
      ['freq', 'demo', '--var', 'bestaat_niet'],
      ['crosstab', 'demo', '--rows', 'gemeente', '--cols', 'vertrouwen', '--weight', 'opmerking'],
      ['freq', 'demo', '--var', 'leefbaarheid', '--filter', 'golf = 2030'],
      ['freq', 'demo'],
      ['frequencies', 'demo'],
      ['describe', 'missing-file.sav'],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).not.toBe(0);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^duiding: /);
      expect(r.out).toBe('');
    }
  });

  it('says engine errors in English, from the message catalogue', async () => {
    expect((await cli('freq', 'demo', '--var', 'bestaat_niet')).err).toBe('duiding: Unknown variable: bestaat_niet\n');
    expect((await cli('regress', 'demo', '--dep', 'leefbaarheid', '--indep', 'leeftijd', '--model', 'logit')).err).toBe(
      'duiding: The dependent variable leefbaarheid has more than two valid values\n',
    );
  });
});
