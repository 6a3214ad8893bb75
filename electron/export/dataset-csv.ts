/**
 * A dataset as a plain CSV for R, Python or a re-import: UTF-8, a header of variable names, `,` between
 * fields and a decimal point, codes rather than labels, system-missing as an empty field, doubles in
 * their shortest exact form. Written in blocks to a temporary file and renamed (atomic-write.ts).
 */
import { open } from 'node:fs/promises';
import { numericAt, type Dataset } from '../../shared/model/dataset';
import { writeAtomic } from './atomic-write';

const ROWS_PER_BLOCK = 20_000;

function quoted(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function writeDatasetCsv(path: string, ds: Dataset): Promise<void> {
  await writeAtomic(path, async (tmp) => {
    const fh = await open(tmp, 'w');
    try {
      await fh.write(ds.variables.map((v) => quoted(v.name)).join(',') + '\n');
      for (let start = 0; start < ds.rows; start += ROWS_PER_BLOCK) {
        const lines: string[] = [];
        for (let i = start; i < Math.min(ds.rows, start + ROWS_PER_BLOCK); i++) {
          lines.push(
            ds.columns
              .map((col) => {
                if (col.kind === 'string') return quoted(col.dict[col.codes[i]].replace(/ +$/, ''));
                const v = numericAt(col, i);
                return Number.isNaN(v) ? '' : String(v);
              })
              .join(','),
          );
        }
        await fh.write(lines.join('\n') + '\n');
      }
    } finally {
      await fh.close();
    }
  });
}
