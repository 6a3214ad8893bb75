/** What the import dialog shows before anything is stored (the body of `import.preview`). */
import { extname } from 'node:path';
import type { ImportPreview, ReadOptions } from '../../shared/api/import';
import { previewCsv } from './csv/index';
import { readAnyFile } from './index';
import { readSavDictionary } from './sav/index';
import { listSheets } from './xlsx/index';

const TEXT = new Set(['.csv', '.tsv', '.txt']);

export async function previewFile(path: string, options: ReadOptions = {}): Promise<ImportPreview> {
  const ext = extname(path).toLowerCase();
  if (TEXT.has(ext)) {
    const p = await previewCsv(path, options);
    return { format: 'csv', csv: { options: { ...p.options }, columns: p.columns, rows: p.rows } };
  }
  if (ext === '.sav' || ext === '.zsav') {
    // The dictionary alone: a preview should not read ten million cases.
    const { name: _n, ...dictionary } = await readSavDictionary(path);
    return { format: ext.slice(1), dictionary };
  }
  const { columns: _c, name: _n, ...dictionary } = await readAnyFile(path, options);
  if (ext === '.xlsx') return { format: 'xlsx', dictionary, sheets: (await listSheets(path)).map((s) => s.name) };
  return { format: ext.slice(1), dictionary };
}
