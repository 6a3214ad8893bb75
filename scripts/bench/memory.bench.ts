/**
 * Memory: process growth (RSS) after loading a 10M-case dataset of 20 categorical variables (c01..c20,
 * Int8 storage as the project store hands them out) and running a weighted crosstab on it, against the
 * 600 MB target, with the engine set up as the app runs it. Prints `BENCH memory duiding_mb=<growth> target_mb=600 ratio=<600/growth>`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { crosstab } from '../../shared/engine/crosstab';
import { setUpEngine } from './engine-setup';
import { ensureBenchData, loadBench } from './gen-data';

ensureBenchData();
// As the app runs: the crosstab goes through the WebAssembly kernels, so their copies of the two
// tabulated columns and their tables count in the growth.
await setUpEngine();

const mb = (b: number) => b / (1024 * 1024);
// Collect garbage before each reading so RSS reflects live data, not what the collector has yet to free.
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

gc?.();
const before = process.memoryUsage().rss;
const names = Array.from({ length: 20 }, (_, j) => `c${String(j + 1).padStart(2, '0')}`);
const ds = loadBench(names);
gc?.();
const loaded = process.memoryUsage().rss;
const t = crosstab(ds, { row: 'c01', col: 'c11' });
gc?.();
const after = process.memoryUsage().rss;
const growth = mb(Math.max(loaded, after) - before);
console.log(
  `# memory: ${ds.columns.length} variables × ${ds.rows} cases; load +${mb(loaded - before).toFixed(0)} MB, ` +
    `after a crosstab (${t.rows.length}×${t.cols.length}) +${mb(after - before).toFixed(0)} MB` +
    (gc ? '' : ' (no --expose-gc: garbage not collected before measuring)'),
);
console.log(`BENCH memory duiding_mb=${growth.toFixed(1)} target_mb=600 ratio=${(600 / growth).toFixed(2)}`);
