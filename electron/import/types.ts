import type { Dataset } from '../../shared/model/dataset';

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  cases: number;
}

export interface ImportOptions {
  /** Aborting makes the reader throw ImportCancelled at the next chunk. */
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Dataset name to give the result; defaults to the file's base name. */
  name?: string;
}

/** Every reader: a path in, a complete in-memory dataset out, or an ImportError. */
export type Reader<O extends ImportOptions = ImportOptions> = (path: string, options?: O) => Promise<Dataset>;
