/** Picks the reader for a data file by its extension. */
import { extname } from 'node:path';
import type { ReadOptions } from '../../shared/api/import';
import type { Dataset } from '../../shared/model/dataset';
import { readCsv } from './csv/index';
import { readDta } from './dta/index';
import { ImportError } from './import-error';
import { readSav } from './sav/index';
import type { ImportOptions } from './types';
import { readXlsx } from './xlsx/index';

type AnyReader = (path: string, options?: ImportOptions) => Promise<Dataset>;

const READERS: Record<string, AnyReader> = {
  '.sav': readSav,
  '.zsav': readSav,
  '.csv': readCsv,
  '.tsv': readCsv,
  '.txt': readCsv,
  '.xlsx': readXlsx,
  '.dta': readDta,
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

/** `options` may carry the reader's own settings (CSV, Excel: shared/api/import.ts ReadOptions). */
export async function readAnyFile(path: string, options: ImportOptions & ReadOptions = {}): Promise<Dataset> {
  const ext = extname(path).toLowerCase();
  const reader = READERS[ext];
  if (!reader) throw new ImportError(path, `unsupported file type "${ext}" (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`);
  return reader(path, options);
}
