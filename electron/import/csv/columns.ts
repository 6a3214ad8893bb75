/**
 * One growing column per CSV column. `push` returns false when a cell does not fit the column's type,
 * so the reader can retype the column (inferred types) or report the cell (types the user chose).
 */
import type { Column, Measure, PrintFormat } from '../../../shared/model/dataset';
import { NumericColumnBuilder, StringColumnBuilder } from '../../../shared/model/column-builder';
import type { ColumnType } from './sniff';
import { DATE_LAYOUTS, type DateLayout, type Decimal, decimalsOf, MISSING_TOKENS, parseDate, parseNumber } from './values';

export interface FinishedColumn {
  column: Column;
  format: PrintFormat;
  measure: Measure;
  width: number;
}

/** Integer codes with this few distinct values are probably categories, not amounts. */
const MAX_CATEGORIES = 24;

export interface ColumnSink {
  push(text: string): boolean;
  finish(): FinishedColumn;
}

class NumericSink implements ColumnSink {
  private readonly b = new NumericColumnBuilder(4096);
  private decimals = 0;
  private intDigits = 1;
  private integers = true;
  private readonly distinct = new Set<number>();

  constructor(private readonly decimal: Decimal) {}

  push(text: string): boolean {
    const v = parseNumber(text, this.decimal);
    if (v !== v) {
      if (!MISSING_TOKENS.has(text.trim())) return false;
      this.b.push(NaN);
      return true;
    }
    this.b.push(v);
    if (!Number.isInteger(v)) this.integers = false;
    if (this.distinct.size <= MAX_CATEGORIES) this.distinct.add(v);
    if (!Number.isInteger(v) || text.includes(this.decimal)) {
      const d = decimalsOf(text, this.decimal);
      if (d > this.decimals) this.decimals = Math.min(d, 16);
    }
    while (Math.abs(v) >= 10 ** this.intDigits && this.intDigits < 40) this.intDigits++;
    return true;
  }

  finish(): FinishedColumn {
    const decimals = this.decimals;
    const width = Math.min(40, Math.max(8, this.intDigits + decimals + 2));
    const categorical = this.integers && this.distinct.size <= MAX_CATEGORIES && this.distinct.size > 0;
    return {
      column: { kind: 'numeric', data: this.b.finish() },
      format: { type: 'F', width, decimals },
      measure: categorical ? 'nominal' : 'scale',
      width: 0,
    };
  }
}

/** Dates repeat (a survey has few interview days), so each distinct text is parsed once. */
const DATE_CACHE_LIMIT = 100_000;

class DateSink implements ColumnSink {
  private readonly b = new NumericColumnBuilder(4096);
  private withTime = false;
  private readonly cache = new Map<string, number>();

  /** Without a layout (the user chose "date" for a column we did not recognise) each cell may use any. */
  constructor(private readonly layout: DateLayout | null) {}

  private parse(text: string): number {
    if (this.layout) return parseDate(text, this.layout);
    for (const l of DATE_LAYOUTS) {
      const v = parseDate(text, l);
      if (v === v) return v;
    }
    return NaN;
  }

  push(text: string): boolean {
    let v = this.cache.get(text);
    if (v === undefined) {
      v = this.parse(text);
      if (this.cache.size < DATE_CACHE_LIMIT) this.cache.set(text, v);
    }
    if (v !== v) {
      if (!MISSING_TOKENS.has(text.trim())) return false;
      this.b.push(NaN);
      return true;
    }
    if (v % 86400 !== 0) this.withTime = true;
    this.b.push(v);
    return true;
  }

  finish(): FinishedColumn {
    const timed = this.withTime || (this.layout?.endsWith('hms') ?? false);
    return {
      column: { kind: 'numeric', data: this.b.finish() },
      format: timed ? { type: 'DATETIME', width: 20, decimals: 0 } : { type: 'DATE', width: 11, decimals: 0 },
      measure: 'scale',
      width: 0,
    };
  }
}

class StringSink implements ColumnSink {
  private readonly b = new StringColumnBuilder(4096);

  push(text: string): boolean {
    this.b.push(text);
    return true;
  }

  finish(): FinishedColumn {
    const { codes, dict } = this.b.finish();
    // SPSS string width is in bytes; measure the distinct values only.
    let width = 1;
    for (const s of dict) width = Math.max(width, Buffer.byteLength(s, 'utf8'));
    return {
      column: { kind: 'string', codes, dict },
      format: { type: 'A', width, decimals: 0 },
      measure: 'nominal',
      width,
    };
  }
}

export function makeSink(type: ColumnType, decimal: Decimal, layout: DateLayout | null): ColumnSink {
  if (type === 'numeric') return new NumericSink(decimal);
  if (type === 'date') return new DateSink(layout);
  return new StringSink();
}
