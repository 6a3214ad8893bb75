/**
 * Guesses how a CSV file is written from its first bytes: encoding, delimiter, quote, decimal
 * separator, header row, and per column numeric/date/string. Every guess can be overridden by the
 * caller (the import dialog shows the preview and lets the user change them).
 */
import { openForImport } from '../dta/bytes';
import { ImportError } from '../import-error';
import { chunkDecoder, type CsvEncoding, firstInvalidUtf8, guessEncoding } from './decode';
import { CsvSyntaxError, RecordSplitter } from './records';
import { type DateLayout, type Decimal, detectDateLayout, MISSING_TOKENS, parseNumber } from './values';

export type Delimiter = ',' | ';' | '\t' | '|';
export type ColumnType = 'numeric' | 'string' | 'date';

export interface CsvOptions {
  delimiter: Delimiter;
  decimal: Decimal;
  quote: '"' | "'";
  header: boolean;
  encoding: CsvEncoding;
  bom: boolean;
}

export interface InferredColumn {
  type: ColumnType;
  dateLayout: DateLayout | null;
}

export const SAMPLE_BYTES = 256 * 1024;
const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];

export interface Sample {
  text: string;
  /** True when the sample is the whole file. */
  complete: boolean;
}

export async function readSample(path: string, bytes = SAMPLE_BYTES): Promise<{ raw: Uint8Array; complete: boolean }> {
  const fh = await openForImport(path);
  try {
    const buf = new Uint8Array(bytes + 1);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return { raw: buf.subarray(0, Math.min(bytesRead, bytes)), complete: bytesRead <= bytes };
  } finally {
    await fh.close();
  }
}

/** Records of the sample (at most `max`); a cut-off last record is dropped unless the sample is the whole file. */
export function sampleRecords(s: Sample, delimiter: string, quote: string, max = 1000): string[][] {
  const out: string[][] = [];
  const splitter = new RecordSplitter(delimiter, quote, (f) => {
    if (out.length < max) out.push(f);
  });
  try {
    splitter.push(s.text);
    if (s.complete) splitter.end();
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
  }
  return out;
}

function decodeSample(raw: Uint8Array, complete: boolean, encoding: CsvEncoding, bom: boolean): string {
  const body = raw.subarray(bom ? (encoding === 'utf-8' ? 3 : 2) : 0);
  // A sample may end inside a character: decode in stream mode and drop the incomplete tail.
  return chunkDecoder(encoding).decode(body, complete);
}

function chooseDelimiter(s: Sample, quote: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const recs = sampleRecords(s, d, quote, 100);
    if (recs.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of recs) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [width, freq] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (width < 2) continue;
    // Consistency first (share of records with the usual width), then more columns.
    const score = (freq / recs.length) * 1000 + Math.min(width, 999);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function chooseQuote(text: string): '"' | "'" {
  const dq = (text.match(/(^|[,;\t|\n])"/g) ?? []).length;
  const sq = (text.match(/(^|[,;\t|\n])'/g) ?? []).length;
  return sq > dq ? "'" : '"';
}

function chooseDecimal(recs: string[][], delimiter: Delimiter): Decimal {
  if (delimiter === ',') return '.';
  let comma = 0;
  let dot = 0;
  for (const r of recs) {
    for (const f of r) {
      if (/^\s*[+-]?\d*,\d+\s*$/.test(f)) comma++;
      else if (/^\s*[+-]?\d*\.\d+\s*$/.test(f)) dot++;
    }
  }
  return comma > dot ? ',' : '.';
}

export function inferColumn(values: string[], decimal: Decimal): InferredColumn {
  const present = values.filter((v) => !MISSING_TOKENS.has(v.trim()));
  if (present.every((v) => !Number.isNaN(parseNumber(v, decimal)))) return { type: 'numeric', dateLayout: null };
  const layout = detectDateLayout(present);
  if (layout) return { type: 'date', dateLayout: layout };
  return { type: 'string', dateLayout: null };
}

/** A header row is assumed unless a first-row cell reads as a number or date. */
function looksLikeHeader(first: string[], decimal: Decimal): boolean {
  return first.every((f) => {
    const t = f.trim();
    return t === '' || (Number.isNaN(parseNumber(t, decimal)) && detectDateLayout([t]) === null);
  });
}

export interface SniffResult {
  options: CsvOptions;
  records: string[][];
  complete: boolean;
}

/** Fills every option the caller did not give from the file's first bytes. */
export async function sniffWith(path: string, given: Partial<CsvOptions> = {}): Promise<SniffResult> {
  const { raw, complete } = await readSample(path);
  const guess = guessEncoding(raw, complete);
  const encoding = given.encoding ?? guess.encoding;
  const bom = given.bom ?? (guess.bom && guess.encoding === encoding);
  if (given.encoding === 'utf-8') {
    // Chosen by the user: the preview refuses what the import would refuse, at the same byte.
    const bad = firstInvalidUtf8(raw, complete);
    if (bad >= 0) throw new ImportError(path, 'invalid UTF-8 byte sequence', { offset: bad });
  }
  const text = decodeSample(raw, complete, encoding, bom);
  const s = { text, complete };
  const quote = given.quote ?? chooseQuote(text);
  const delimiter = given.delimiter ?? chooseDelimiter(s, quote);
  const records = sampleRecords(s, delimiter, quote);
  const decimal = given.decimal ?? chooseDecimal(records, delimiter);
  const header = given.header ?? (records.length > 0 && looksLikeHeader(records[0], decimal));
  return { options: { delimiter, decimal, quote, header, encoding, bom }, records, complete };
}

export async function sniffCsv(path: string): Promise<CsvOptions> {
  return (await sniffWith(path)).options;
}
