/**
 * Writes the writer fixtures (tests/fixtures/sav/ours-*.sav|zsav) from writerDataset() with our own
 * writer. Run by make-fixtures.sh before PSPP and R haven report what they read from the files.
 * Usage: npx tsx tests/oracle/sav/write-fixtures.ts <outdir>
 */
import { join } from 'node:path';
import { writeSav } from '../../../electron/import/sav/write';
import { WRITER_CREATED, WRITER_FIXTURES, writerDataset } from './writer-dataset';

const out = process.argv[2] ?? 'tests/fixtures/sav';
const ds = writerDataset();
for (const f of WRITER_FIXTURES) await writeSav(join(out, f.file), ds, { ...f.options, created: WRITER_CREATED });
console.log(`wrote ${WRITER_FIXTURES.length} files to ${out}`);
