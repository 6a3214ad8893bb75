/**
 * Splits decoded CSV text into records, chunk by chunk. Quoted fields may hold delimiters, doubled
 * quotes and line breaks; a record may span chunks (the unfinished tail is kept for the next one).
 * Line numbers are 1-based physical lines, so an error can name the line an editor shows.
 */

export interface RecordSink {
  (fields: string[], line: number): void;
}

/** Raised for malformed text; the caller turns it into an ImportError naming the file. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** No record may exceed this; an unterminated quote otherwise swallows the whole file into memory. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

const LF = 10;
const CR = 13;

function countLines(s: string): number {
  let n = 0;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) n++;
  return n;
}

export class RecordSplitter {
  private pending = '';
  /** Line on which `pending` starts. */
  private line = 1;
  private readonly delim: number;
  private readonly quote: string;

  constructor(
    delimiter: string,
    quote: string,
    private readonly sink: RecordSink,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.quote = quote;
  }

  push(text: string): void {
    this.run(this.pending + text, false);
  }

  end(): void {
    this.run(this.pending, true);
  }

  private run(buf: string, final: boolean): void {
    let pos = 0;
    while (pos < buf.length) {
      const next = this.record(buf, pos, final);
      if (next < 0) break;
      pos = next;
    }
    this.pending = buf.slice(pos);
    if (this.pending.length > MAX_RECORD_CHARS) {
      throw new CsvSyntaxError(`a record longer than ${MAX_RECORD_CHARS} characters (unclosed quote?)`, this.line);
    }
  }

  /** Parses one record at `start`; returns the index after it, or -1 when the buffer ends first. */
  private record(buf: string, start: number, final: boolean): number {
    const fields: string[] = [];
    const q = this.quote;
    let extraLines = 0;
    let i = start;
    let quotedAny = false;
    for (;;) {
      let value: string;
      if (buf[i] === q) {
        quotedAny = true;
        value = '';
        let j = i + 1;
        for (;;) {
          const k = buf.indexOf(q, j);
          if (k < 0 || (k + 1 === buf.length && !final)) {
            if (final) throw new CsvSyntaxError('a quoted field is never closed', this.line);
            return -1;
          }
          value += buf.slice(j, k);
          if (buf[k + 1] === q) {
            value += q;
            j = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
        extraLines += countLines(value);
        // Lenient about text after a closing quote (`"a"b`): keep it, as spreadsheet programs do.
        const rest = this.scanUnquoted(buf, i);
        if (rest < 0 && !final) return -1;
        const stop = rest < 0 ? buf.length : rest;
        value += buf.slice(i, stop);
        i = stop;
      } else {
        const from = i;
        const stop = this.scanUnquoted(buf, i);
        if (stop < 0 && !final) return -1;
        i = stop < 0 ? buf.length : stop;
        value = buf.slice(from, i);
      }
      fields.push(value);
      if (i >= buf.length) {
        this.emit(fields, quotedAny);
        this.line += extraLines;
        return i;
      }
      const c = buf.charCodeAt(i);
      if (c === this.delim) {
        i++;
        continue;
      }
      // End of line: \n, \r\n or a lone \r. A \r at the very end may be half of \r\n.
      if (c === CR) {
        if (i + 1 === buf.length && !final) return -1;
        i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i += 1;
      this.emit(fields, quotedAny);
      this.line += extraLines + 1;
      return i;
    }
  }

  /** Index of the next delimiter or line break from `i`, or -1 when the buffer ends first. */
  private scanUnquoted(buf: string, i: number): number {
    const d = this.delim;
    for (let k = i; k < buf.length; k++) {
      const c = buf.charCodeAt(k);
      if (c === d || c === LF || c === CR) return k;
    }
    return -1;
  }

  private emit(fields: string[], quoted: boolean): void {
    // Blank lines are skipped; a line holding only "" is a record with one empty field.
    if (fields.length === 1 && fields[0] === '' && !quoted) return;
    this.sink(fields, this.line);
  }
}
