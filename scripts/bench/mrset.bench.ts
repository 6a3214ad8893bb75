/**
 * A multiple-response set of ten dichotomies (c01..c10, counted value 1) against the banner of
 * banner.bench.ts — Totaal | a (12) | c02 × c03 nested — over 10M cases, sampling weight, column tests
 * (BH) and design-based SEs (ids = ~1). The set kernel is plain JavaScript (no WebAssembly path yet);
 * the reference is Duiding's own banner of one variable on the same columns, which is the lower bound
 * a set's ten items can approach.
 */
import { banner } from '../../shared/engine/banner';
import { mrTable } from '../../shared/engine/mr/table';
import type { Dataset } from '../../shared/model/dataset';
import { setUpEngine } from './engine-setup';
import { benchLine, ensureBenchData, loadBench, medianMs } from './gen-data';

ensureBenchData();
const SPEC = { total: true, items: [{ variable: 'a' }, { nest: ['c02', 'c03'] as [string, string] }] };
const ITEMS = Array.from({ length: 10 }, (_, j) => `c${String(j + 1).padStart(2, '0')}`);

async function main(): Promise<void> {
  const loaded = loadBench([...new Set(['a', 'b', 'w', 'c02', 'c03', ...ITEMS])]);
  const ds: Dataset = { ...loaded, mrSets: [{ name: '$ten', label: 'Tien items', type: 'dichotomies', countedValue: 1, variables: ITEMS }] };
  await setUpEngine();
  const weight = { variable: 'w', type: 'sampling' as const };
  const tests = { adjust: 'bh' as const, alpha: 0.05 };
  const withSe = () => mrTable(ds, { set: '$ten', columns: SPEC, weight, tests });
  const counts = () => mrTable(ds, { set: '$ten', columns: SPEC, weight: { variable: 'w', type: 'frequency' }, tests });
  const r = withSe();
  console.log(`# set: ${r.items.length} items × ${r.columns.length} columns over ${ds.rows} cases`);
  const ms = await medianMs(withSe, 5);
  const countsMs = await medianMs(counts, 5);
  const bannerMs = await medianMs(() => banner(ds, { row: 'b', columns: SPEC, weight, tests }), 5);
  console.log(`# set without SEs (frequency weight): ${countsMs.toFixed(0)} ms`);
  console.log(benchLine('mrset', ms, 'banner_one_variable', bannerMs));
}

void main();
