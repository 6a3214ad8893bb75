/**
 * A question's preview in the Tabellenboek view on the bundled demo (issue 12: under 100 ms).
 *
 * Two costs, as `book.preview` pays them (electron/handlers/books.ts):
 *   edit  — the spec changed, so the whole book is computed again (its tables are checked together)
 *           and the shown question's model is built: computeBook + previewBook;
 *   move  — another question of the same spec: the computed book is cached, only previewBook runs.
 * Prints the median of RUNS runs of each (after one warm-up) and
 *   BENCH book_preview duiding_ms=<edit median> target_ms=100 ratio=target/duiding
 *   BENCH book_preview_move duiding_ms=<move median> target_ms=100 ratio=target/duiding
 *
 * Options (environment): BOOK_PREVIEW_RUNS=n (default 15).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../../resources/demo/generate';
import { bookSpec } from '../../shared/book/book';
import { computeBook } from '../../shared/book/compute';
import { previewBook } from '../../shared/book/preview';
import { defaultRuleSet } from '../../shared/disclosure';
import { setUpEngine } from './engine-setup';

const RUNS = Number(process.env.BOOK_PREVIEW_RUNS ?? 15);
const TARGET_MS = 100;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  await setUpEngine();
  const ds = generateDemo();
  const spec = bookSpec.parse(JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../resources/demo/book.json'), 'utf8')));
  const ruleSet = defaultRuleSet('cbs-persons');
  const compute = () => computeBook(ds, spec, { ruleSet });

  const warm = compute();
  const questions = warm.tables.map((t) => t.variable);
  previewBook(warm, spec, questions[0]);

  const edit: number[] = [];
  const move: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const question = questions[r % questions.length];
    const t0 = performance.now();
    const computed = compute();
    previewBook(computed, spec, question);
    edit.push(performance.now() - t0);
    const t1 = performance.now();
    previewBook(warm, spec, questions[(r + 1) % questions.length]);
    move.push(performance.now() - t1);
  }
  const e = median(edit);
  const m = median(move);
  console.log(`# book_preview: demo ${ds.rows} rows, ${questions.length} questions, banner ${spec.banner.items.length} items; ${RUNS} runs`);
  console.log(`# edit min ${Math.min(...edit).toFixed(1)} ms, max ${Math.max(...edit).toFixed(1)} ms; move min ${Math.min(...move).toFixed(1)} ms`);
  console.log(`BENCH book_preview duiding_ms=${e.toFixed(1)} target_ms=${TARGET_MS} ratio=${(TARGET_MS / e).toFixed(2)}`);
  console.log(`BENCH book_preview_move duiding_ms=${m.toFixed(1)} target_ms=${TARGET_MS} ratio=${(TARGET_MS / m).toFixed(2)}`);
}

void main().then(() => process.exit(0));
