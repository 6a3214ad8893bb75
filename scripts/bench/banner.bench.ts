/**
 * A 25-column banner for one row variable over 10M cases: Totaal | a (12) | c02 × c03 nested (3×4), row
 * variable b (5 categories, 9 user-missing), sampling weight, with column-proportion tests (BH) — target
 * under 150 ms.
 * Peer: DuckDB computing the same cells (count, Σw, Σw² per row × column) with GROUPING SETS.
 */
import { banner } from '../../shared/engine/banner';
import { describeEngine, setUpEngine } from './engine-setup';
import { benchLine, ensureBenchData, loadBench, medianMs } from './gen-data';

const manifest = ensureBenchData();
const SPEC = { total: true, items: [{ variable: 'a' }, { nest: ['c02', 'c03'] as [string, string] }] };
const SQL = `SELECT b, a, c02, c03, count(*) AS n, sum(w) AS sw, sum(w * w) AS sw2 FROM t
  WHERE b IS NOT NULL AND w > 0
  GROUP BY GROUPING SETS ((b), (b, a), (b, c02, c03))`;

async function duckdbMs(): Promise<{ ms: number; loadMs: number } | null> {
  try {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    const t0 = performance.now();
    await con.run(
      `CREATE TABLE t AS SELECT CASE WHEN a BETWEEN 1 AND 12 THEN a END AS a,
         CASE WHEN b BETWEEN 1 AND 5 THEN b END AS b, c02, c03, w FROM read_csv('${manifest.csv}', header = true)`,
    );
    const loadMs = performance.now() - t0;
    const ms = await medianMs(async () => (await con.runAndReadAll(SQL)).getRowObjects(), 5);
    con.closeSync();
    return { ms, loadMs };
  } catch (e) {
    console.log(`# skip duckdb: ${(e as Error).message.split('\n')[0]}`);
    return null;
  }
}

async function main(): Promise<void> {
  const ds = loadBench(['b', 'a', 'c02', 'c03', 'w']);
  const opts = {
    row: 'b',
    columns: SPEC,
    weight: { variable: 'w', type: 'sampling' as const },
    tests: { adjust: 'bh' as const, alpha: 0.05 },
  };
  await describeEngine('banner', () => banner(ds, opts), 5);
  await setUpEngine();
  const result = banner(ds, opts);
  console.log(`# banner: ${result.columns.length} columns × ${result.rows.length} rows over ${ds.rows} cases`);
  const ms = await medianMs(() => banner(ds, opts), 9);
  console.log(`# target: under 150 ms — ${ms < 150 ? 'met' : 'NOT met'}`);
  const d = await duckdbMs();
  if (d) {
    console.log(`# duckdb load ${d.loadMs.toFixed(0)} ms`);
    console.log(benchLine('banner', ms, 'duckdb', d.ms));
  }
  console.log(benchLine('banner', ms, 'target', 150));
}

void main();
