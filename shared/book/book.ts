/**
 * Book specification (tabellenboek): one JSON document that describes a whole annual table book, saved
 * in the project and given to `duiding book --spec`. A book is a table query (shared/query/
 * table-query.ts: banner, weight, filter, statistics, tests, rule set) over a list of questions, plus
 * book-level fields (title, waves, recodes, layout, house style). Versioned so next year's app still
 * reads this year's file: version 1 files (statistics named `unweightedBase`…) are read as version 2.
 */
import { z } from 'zod';
import { DEFAULT_STATISTICS, symbolsSpec, tableQuery } from '../query/table-query';
import { rangeRecodeSpec } from './recode';
import { chartTypes } from '../chart/spec';
import { DuidingError } from '../errors';
import type { TableStatus } from '../model/results';

const varName = z.string().min(1).max(256);
const code = z.union([z.number(), z.string()]);

/** Compare this wave with a previous one, both selected by a wave variable in the same dataset. */
export const comparisonSpec = z.object({
  variable: varName,
  current: code,
  previous: code,
  /** Column headers; default "<current>" / "<previous>" value labels. */
  currentLabel: z.string().max(200).optional(),
  previousLabel: z.string().max(200).optional(),
});

export const questionsSpec = z.union([
  z.array(varName).min(1).max(5000),
  z.object({ folder: z.string().min(1).max(256) }),
  z.object({ allCategorical: z.literal(true) }),
]);

export const trendSpec = z.object({
  /** Show the previous wave's total % and a marker for a significant change next to the banner. */
  enabled: z.boolean().default(true),
  markers: z.object({ up: z.string().max(3).default('▲'), down: z.string().max(3).default('▼') }).default({ up: '▲', down: '▼' }),
});

/**
 * A chart of each question's table on its sheet, drawn from the same rule-applied banner as the table
 * (withheld cells are gaps marked with the suppression symbol). Off unless asked for: charts cost
 * render time and file size, and many published books are tables only.
 */
export const bookChartsSpec = z.object({
  enabled: z.boolean().default(true),
  /** Default: 100% stacked bars, one bar per banner column, the usual tabellenboek figure. */
  type: z.enum(chartTypes).default('bar-100'),
  /**
   * Under the table's footnotes (default: a printed page keeps the table's scale, as pages are fitted
   * to the width) or beside it, level with the header (handier on screen for narrow banners).
   */
  placement: z.enum(['right', 'below']).default('below'),
  widthMm: z.number().min(40).max(400).default(160),
  /** Default: grows with the number of banner columns (bars), 60 to 250 mm. */
  heightMm: z.number().min(40).max(400).optional(),
  /** Raster resolution of the PNG; 150 is sharp on screen and in a printed book at this size. */
  dpi: z.number().int().min(72).max(600).default(150),
});

/** The table-query part of a book: every question is tabulated with these. */
const bookQuery = tableQuery.pick({
  banner: true,
  weight: true,
  filter: true,
  statistics: true,
  tests: true,
  ruleSet: true,
  rulesReason: true,
  nets: true,
  sort: true,
  hideEmpty: true,
});

const bookFields = {
  title: z.string().min(1).max(500),
  subtitle: z.string().max(500).default(''),
  source: z.string().max(1000).default(''),
  dataset: z.string().min(1).max(256),
  comparison: comparisonSpec.optional(),
  /** Derived variables (age groups and the like) made before tabulating. */
  recodes: z.array(rangeRecodeSpec).max(100).default([]),
  questions: questionsSpec,
  trend: trendSpec.optional(),
  /** Write the checker's sheet (per published cell the unweighted n behind it). */
  checkerSheet: z.boolean().default(true),
  symbols: symbolsSpec.default({ unknown: '.', suppressed: 'x', nil: '-' }),
  decimals: z.number().int().min(0).max(4).default(1),
  layout: z.enum(['sheet-per-table', 'blocks']).default('sheet-per-table'),
  /** House style: a file name in resources/styles without `.json`. */
  style: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/)
    .default('default'),
  /** Language of fixed texts (Totaal, Basis, footnotes). */
  language: z.enum(['nl', 'en']).default('nl'),
  /** A chart beside every published table (see bookChartsSpec); absent: no charts. */
  charts: bookChartsSpec.optional(),
  /**
   * What the book was made on: label and value labels of every variable it names, as saved. A rerun on
   * next year's wave is checked against it (shared/book/check.ts) before anything is written.
   */
  expected: z
    .object({
      dataset: z.string().max(256).optional(),
      variables: z.record(z.string(), z.object({ label: z.string(), valueLabels: z.record(z.string(), z.string()) })),
    })
    .optional(),
};

/** Version 1 named its statistics after the book's rows; version 2 uses the table query's names. */
const v1Statistics = z.object({
  percent: z.literal('column').default('column'),
  unweightedBase: z.boolean().default(true),
  weightedBase: z.boolean().default(false),
  counts: z.boolean().default(false),
});

function upgradeV1(input: unknown, ctx: z.RefinementCtx): unknown {
  if (!input || typeof input !== 'object' || (input as { version?: unknown }).version !== 1) return input;
  const v1 = input as Record<string, unknown>;
  const parsed = v1Statistics.safeParse(v1.statistics ?? {});
  // An invalid v1 block is reported with the field names the file has.
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['statistics', ...issue.path] });
  const d = parsed.success ? parsed.data : v1Statistics.parse({});
  const statistics = { ...DEFAULT_STATISTICS, colPct: true, base: d.unweightedBase, weightedBase: d.weightedBase, counts: d.counts };
  // Version 1 read an absent rule set as cbs-persons; version 2 reads it as the project's.
  return { ...v1, version: 2, statistics, ruleSet: v1.ruleSet ?? 'cbs-persons' };
}

const bookSpecV2 = bookQuery.extend({ version: z.literal(2), ...bookFields }).refine((s) => !s.trend?.enabled || s.comparison !== undefined, {
  message: 'trend columns need a comparison (the wave variable and the previous wave)',
  path: ['trend'],
});

export const bookSpec = z.preprocess(upgradeV1, bookSpecV2);

export type BookSpec = z.output<typeof bookSpec>;
export type BookSpecInput = z.input<typeof bookSpecV2>;
export type BookChartsSpec = z.output<typeof bookChartsSpec>;

/** A spec that does not validate; the message names every bad field on one line (CLI errors are one line). */
export class BookSpecError extends DuidingError {
  constructor(readonly issues: { path: string; message: string }[]) {
    super('book-spec', `invalid book specification: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'BookSpecError';
  }
}

/** Parse an untrusted spec (a JSON file or a renderer request). */
export function parseBookSpec(input: unknown): BookSpec {
  const r = bookSpec.safeParse(input);
  if (!r.success) throw new BookSpecError(r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return r.data;
}

/** What a written book contains, per table: where it is, and whether the output rules changed it. */
export interface BookTableReport {
  variable: string;
  /** Sheet the table is on; null when blocked. */
  sheet: string | null;
  status: TableStatus;
  reason?: string;
  suppressedCells: number;
}

export interface BookReport {
  path: string;
  tables: BookTableReport[];
  ruleSet: string;
  /** Wall time of compute, rules and writing (added). */
  elapsedMs?: number;
}
