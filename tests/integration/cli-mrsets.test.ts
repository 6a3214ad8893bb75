/**
 * Multiple-response sets on the command line (docs/cli.md): `describe` lists them, a set stands in
 * `crosstab --rows` with the `mr` block, `--mrset` and `--mrset-categories` define sets for one
 * command. Numbers against R on the PSPP-made oracle file (tests/oracle/mrsets).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const SAV = join(__dirname, '../oracle/mrsets/mrsets.sav');
const oracle = JSON.parse(readFileSync(join(__dirname, '../oracle/mrsets/expected.json'), 'utf8')) as {
  tables: {
    set: string;
    mode: string;
    columns: string[];
    count: number[][];
    weighted: number[][];
    pct: number[][];
    base: { count: number[]; weighted: number[] };
    responses: { weighted: number[] };
  }[];
};

const json = async (...argv: string[]) => {
  const r = await cli(...argv, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
};

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('duiding describe lists multiple-response sets', () => {
  it('as {name, label, kind, counted, variables}', async () => {
    const d = await json('describe', SAV);
    expect(d.mrSets).toEqual([
      { name: '$isolatie', label: 'Genomen isolatiemaatregelen', kind: 'dichotomies', counted: 1, variables: ['dak', 'gevel', 'vloer', 'glas'] },
      { name: '$prioriteit', label: 'Belangrijkste onderwerpen', kind: 'categories', counted: null, variables: ['prio1', 'prio2', 'prio3'] },
    ]);
  });

  it('with the sets --mrset and --mrset-categories define for the command', async () => {
    const d = await json('describe', SAV, '--mrset', '$a=dak,gevel:0;$b=vloer,glas', '--mrset-categories', '$c=prio1,prio2');
    expect(d.mrSets.slice(2)).toEqual([
      { name: '$a', label: '$a', kind: 'dichotomies', counted: 0, variables: ['dak', 'gevel'] },
      { name: '$b', label: '$b', kind: 'dichotomies', counted: 1, variables: ['vloer', 'glas'] },
      { name: '$c', label: '$c', kind: 'categories', counted: null, variables: ['prio1', 'prio2'] },
    ]);
  });
});

describe('duiding crosstab with a set in the rows', () => {
  const columns = ['regio=1', 'regio=2', 'regio=3', 'regio=4'];

  async function check(setArgs: string[], setName: string, oracleSet: string) {
    const t = await json(
      'crosstab',
      SAV,
      ...setArgs,
      '--rows',
      setName,
      '--cols',
      'regio',
      '--weight',
      'gewicht',
      '--weight-type',
      'frequency',
      '--rules',
      'none',
      '--reason',
      'vergelijking met de R-referentie',
    );
    const e = oracle.tables.find((x) => x.set === oracleSet && x.mode === 'frequency')!;
    const at = columns.map((k) => e.columns.indexOf(k));
    const nItems = e.count.length - 1;
    expect(Object.keys(t).sort()).toEqual(
      [
        'rowVariable',
        'colVariable',
        'rows',
        'cols',
        'count',
        'weighted',
        'colPct',
        'rowPct',
        'totalPct',
        'rowTotals',
        'colTotals',
        'rowCounts',
        'colCounts',
        'total',
        'n',
        'chi2',
        'suppressed',
        'weight',
        'weightInfo',
        'mr',
        'rules',
      ].sort(),
    );
    expect(t.cols.map((c: { code: number }) => c.code)).toEqual([1, 2, 3, 4]);
    expect(t.count).toEqual(e.count.slice(0, nItems).map((row) => at.map((k) => row[k])));
    t.weighted.forEach((row: number[], i: number) => row.forEach((v, j) => expect(near(v, e.weighted[i][at[j]])).toBe(true)));
    t.colPct.forEach((row: number[], i: number) => row.forEach((v, j) => expect(near(v, e.pct[i][at[j]])).toBe(true)));
    expect(t.chi2).toBeNull();
    expect(Object.keys(t.mr)).toEqual(['set', 'kind', 'counted', 'base', 'baseWeighted', 'any', 'anyWeighted', 'responses']);
    expect(t.mr.base).toEqual(at.map((k) => e.base.count[k]));
    expect(t.mr.any).toEqual(at.map((k) => e.count[nItems][k]));
    t.mr.baseWeighted.forEach((v: number, j: number) => expect(near(v, e.base.weighted[at[j]])).toBe(true));
    t.mr.anyWeighted.forEach((v: number, j: number) => expect(near(v, e.weighted[nItems][at[j]])).toBe(true));
    t.mr.responses.forEach((v: number, j: number) => expect(near(v, e.responses.weighted[at[j]])).toBe(true));
    // Margins: the file has no missing regio, so they are R's Totaal column.
    expect(t.rowCounts).toEqual(e.count.slice(0, nItems).map((row) => row[0]));
    expect(near(t.total, e.base.weighted[0])).toBe(true);
    return t;
  }

  it('matches R for a dichotomy set (rows are the member variables)', async () => {
    const t = await check([], '$isolatie', '$isolatie');
    expect(t.rows.map((r: { code: string }) => r.code)).toEqual(['dak', 'gevel', 'vloer', 'glas']);
    expect(t.mr).toMatchObject({ set: '$isolatie', kind: 'dichotomies', counted: 1 });
  });

  it('matches R for a categories set (rows are the codes)', async () => {
    const t = await check([], '$prioriteit', '$prioriteit');
    expect(t.rows.map((r: { code: number; label: string }) => [r.code, r.label])).toEqual([
      [1, 'Veiligheid'],
      [2, 'Groen'],
      [3, 'Wonen'],
      [4, 'Zorg'],
      [5, 'Verkeer'],
      [6, 'Armoede'],
    ]);
    expect(t.mr).toMatchObject({ kind: 'categories', counted: null });
  });

  it('gives the same table for sets defined on the command line', async () => {
    await check(['--mrset', '$x=dak,gevel,vloer,glas:1'], '$x', '$isolatie');
    await check(['--mrset-categories', '$y=prio1,prio2,prio3'], '$y', '$prioriteit');
  });

  it('applies the output rules: withheld items are null, responses withheld with them', async () => {
    const t = await json('crosstab', 'demo', '--rows', '$isolatie', '--cols', 'wijk', '--weight', 'gewicht');
    expect(t.rules.status).toBe('suppressed');
    let hidden = 0;
    t.suppressed.forEach((row: boolean[], i: number) =>
      row.forEach((s, j) => {
        if (!s) return;
        hidden++;
        expect([t.count[i][j], t.weighted[i][j], t.colPct[i][j], t.rowPct[i][j]]).toEqual([null, null, null, null]);
      }),
    );
    expect(hidden).toBeGreaterThan(0);
    expect(t.mr.responses.every((v: number | null) => v === null)).toBe(true);
    expect(t.rules.messages.map((m: { code: string }) => m.code)).toContain('responses-withheld');
  });

  it('prints the items, any, responses and base as text, without a chi-square', async () => {
    const r = await cli('crosstab', SAV, '--rows', '$isolatie', '--cols', 'geslacht');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Any \(net\)/m);
    expect(r.out).toMatch(/^Base \(cases\)/m);
    expect(r.out).toMatch(/no chi-square for a multiple-response set/);
    expect(r.out).not.toMatch(/Pearson/);
  });

  it('takes a set as the one layer: a layer per item, the total over the set’s base, overlapping said', async () => {
    const r = await cli(
      'crosstab',
      SAV,
      '--rows',
      'regio',
      '--cols',
      'geslacht',
      '--layers',
      '$isolatie',
      '--rules',
      'none',
      '--reason',
      'contract test of the JSON shape',
      '--json',
    );
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    expect(t.kind).toBe('layered');
    expect(t.layerVariables).toEqual(['$isolatie']);
    expect(t.overlapping).toEqual({ set: '$isolatie', kind: 'dichotomies', maxPerCase: 4 });
    expect(t.layers.map((l: { code: string }) => l.code)).toEqual(['dak', 'gevel', 'vloer', 'glas']);
    expect(t.layers[0].keys).toEqual([{ variable: '$isolatie', code: 'dak', label: t.layers[0].label }]);
    // Items overlap: the layers hold more cases than the set's base.
    const n = (x: { n: number }) => x.n;
    expect(t.layers.map((l: { table: { n: number } }) => n(l.table)).reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(n(t.total));
  });

  it('refuses what it cannot do with one clear line', async () => {
    const cases: [string[], number, RegExp][] = [
      [['crosstab', SAV, '--rows', '$nee', '--cols', 'regio'], 1, /Unknown set: \$nee \(sets: \$isolatie, \$prioriteit\)/],
      [['crosstab', SAV, '--rows', '$isolatie', '--cols', '$prioriteit'], 1, /\$isolatie by \$prioriteit: a set cannot \(yet\) be crossed with another set/],
      [['crosstab', SAV, '--rows', '$x', '--cols', 'regio', '--mrset', '$x=dak,kelder'], 2, /no variable named kelder/],
      [['crosstab', SAV, '--rows', '$x', '--cols', 'regio', '--mrset', 'x=dak,gevel'], 2, /starts with \$/],
      [['describe', SAV, '--mrset-categories', '$x=prio1,prio2:1'], 2, /no counted value/],
      [['describe', SAV, '--mrset', '$x=dak,gevel:ja'], 2, /not a number/],
      [
        ['crosstab', SAV, '--rows', '$isolatie', '--cols', 'regio', '--layers', 'geslacht'],
        1,
        /\$isolatie: a set can be the one layer of a crosstab, not its rows/,
      ],
      [['crosstab', SAV, '--rows', 'regio', '--cols', 'geslacht', '--layers', '$isolatie,cluster'], 1, /one of several layers/],
    ];
    for (const [argv, code, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err, argv.join(' ')).toMatch(message);
    }
  });
});
