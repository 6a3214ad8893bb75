/**
 * Writes the test book (fixtures.ts) to each path given on the command line and prints, as one JSON
 * line, what became of each: `{ ok: true }` or the error's message and code. Run by
 * full-disk.test.ts in a child process whose file size is limited, so its writes fail as on a full disk.
 */
import { writeBook } from '../../electron/export/book';
import { makeDataset } from './fixtures';

const spec = {
  version: 2,
  title: 'Testboek',
  dataset: 'test',
  weight: { variable: 'w', type: 'sampling' },
  banner: { total: true, items: [{ variable: 'gemeente' }, { variable: 'geslacht' }] },
  questions: ['q1', 'q2'],
  tests: { display: 'letters' },
};

async function main(): Promise<void> {
  const results: unknown[] = [];
  for (const out of process.argv.slice(2)) {
    try {
      await writeBook(makeDataset(), spec, out);
      results.push({ ok: true });
    } catch (e) {
      results.push({ ok: false, message: e instanceof Error ? e.message : String(e), code: (e as NodeJS.ErrnoException).code });
    }
  }
  console.log(JSON.stringify(results));
}

void main();
