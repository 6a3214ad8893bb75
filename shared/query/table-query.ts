/**
 * The table query: one schema for every table Duiding shows or publishes. The table builder's live
 * result, its copy and CSV/HTML export (`analysis.tables`, `export.table`) take it as is; a
 * tabellenboek (shared/book/book.ts) is its banner, weight, filter, statistics, tests and rule set
 * plus a list of questions and book-level fields. One shape means one route (shared/analysis/
 * table-group.ts) and one display model (shared/format/table-model.ts) for all of them.
 */
import { z } from 'zod';

const varName = z.string().min(1).max(256);

export const datasetName = z.string().min(1).max(256);

export const weightSpec = z.object({
  variable: varName,
  type: z.enum(['frequency', 'sampling']).default('sampling'),
});

export const designSpec = z.object({ strata: varName.optional(), cluster: varName.optional() });

export const ruleSetName = z.enum(['cbs-persons', 'cbs-business', 'none']);

/** A filter expression in Duiding's expression language, e.g. `leeftijd >= 18 and gemeente in (1, 3)`. */
export const filterExpr = z.string().max(4000);

/** One banner item: a variable's categories side by side, or an inner variable nested under an outer one. */
export const bannerItem = z.union([z.object({ variable: varName }), z.object({ nest: z.tuple([varName, varName]) })]);

export const bannerSpec = z.object({
  /** A Totaal column first. */
  total: z.boolean().default(true),
  items: z.array(bannerItem).max(20),
});

/** Which numbers a table shows; each category gets one row per statistic, in this order. */
export const statisticsSpec = z.object({
  /** Column percentage (the tabellenboek's figure). */
  colPct: z.boolean().default(true),
  /** Row percentage within a column group. */
  rowPct: z.boolean().default(false),
  /** Percentage of the column group's total. */
  totalPct: z.boolean().default(false),
  /** Unweighted counts (rarely published: most rule sets forbid small counts). */
  counts: z.boolean().default(false),
  /** Weighted counts (Σw). */
  weighted: z.boolean().default(false),
  /** The unweighted base row. */
  base: z.boolean().default(true),
  weightedBase: z.boolean().default(false),
  /** Kish effective base (Σw)²/Σw². */
  effectiveBase: z.boolean().default(false),
  /** The mean of the row variable's codes per column, with t-test letters when tests are shown. */
  means: z.boolean().default(false),
  /** Multiple-response sets: % of responses beside % of cases. */
  responsePct: z.boolean().default(false),
});

const code = z.union([z.number(), z.string().max(256)]);

/**
 * A net: a table-level category that adds up categories of the row variable ("Tevreden (4+5)",
 * "Top-2"), with its own letters. Not a recode: the data stay as they are, and the output rules know
 * the net is the sum of its members.
 */
export const netSpec = z.object({
  label: z.string().trim().min(1).max(200),
  codes: z.array(code).min(1).max(200),
  /** Show the net instead of its members (they stay in the rules' frame). */
  instead: z.boolean().default(false),
  /** The row variables it applies to; default every row variable that has all its codes. */
  variables: z.array(varName).max(5000).optional(),
});

export const testsSpec = z.object({
  /** How a significant difference between columns is shown: letters of the lower columns, bold, or not at all. */
  display: z.enum(['letters', 'bold', 'none']).default('letters'),
  adjust: z.enum(['none', 'bonferroni', 'bh']).default('bonferroni'),
  alpha: z.number().min(0.0001).max(0.5).default(0.05),
  /** Chi-square of the row variable against each banner variable, under the table. */
  chi2: z.boolean().default(false),
});

export const symbolsSpec = z.object({
  unknown: z.string().max(3).default('.'),
  suppressed: z.string().max(3).default('x'),
  nil: z.string().max(3).default('-'),
});

export const DEFAULT_STATISTICS = statisticsSpec.parse({});
export const DEFAULT_TESTS = testsSpec.parse({});
export const DEFAULT_SYMBOLS = symbolsSpec.parse({});

export const tableQuery = z.object({
  dataset: datasetName,
  /** The row variables: one table each, published together (rules applied to all at once). */
  rows: z.array(varName).min(1).max(5000),
  banner: bannerSpec,
  weight: weightSpec.optional(),
  /** Strata and clusters for design-based tests (Rao–Scott) of layered tables and chi-squares. */
  design: designSpec.optional(),
  filter: filterExpr.optional(),
  statistics: statisticsSpec.default(DEFAULT_STATISTICS),
  tests: testsSpec.default(DEFAULT_TESTS),
  /** Default: the project's rule set. */
  ruleSet: ruleSetName.optional(),
  /** Why rules below the project's are asked for (at least 10 characters); kept in the audit log. */
  rulesReason: z.string().trim().max(2000).optional(),
  /**
   * Layer variables (CROSSTABS … BY layer): every row variable against every plain banner variable,
   * one table per layer plus the total over the layers.
   */
  layers: z.array(varName).max(4).default([]),
  nets: z.array(netSpec).max(20).default([]),
  /** Rows by the Totaal column, largest first ("Anders", "Weet niet" and nets stay last). */
  sort: z.enum(['none', 'total-desc']).default('none'),
  /** Leave out categories with no cases in any column (display only: the rules see every category). */
  hideEmpty: z.boolean().default(false),
});

/** How tables are written out: language of fixed texts and numbers, decimals and symbols. */
export const tableDisplay = z.object({
  language: z.enum(['nl', 'en']).default('nl'),
  decimals: z.number().int().min(0).max(4).default(1),
  symbols: symbolsSpec.default(DEFAULT_SYMBOLS),
});

export type TableQuery = z.output<typeof tableQuery>;
export type TableQueryInput = z.input<typeof tableQuery>;
export type BannerSpec = z.output<typeof bannerSpec>;
export type BannerItem = z.output<typeof bannerItem>;
export type WeightSpec = z.output<typeof weightSpec>;
export type Statistics = z.output<typeof statisticsSpec>;
export type NetSpec = z.output<typeof netSpec>;
export type Tests = z.output<typeof testsSpec>;
export type Symbols = z.output<typeof symbolsSpec>;
export type TableDisplay = z.output<typeof tableDisplay>;

/** Every variable a banner names (nests give two). */
export function bannerVariables(banner: Pick<BannerSpec, 'items'>): string[] {
  return banner.items.flatMap((it) => ('variable' in it ? [it.variable] : [...it.nest]));
}

/** The banner variables that stand on their own (not nested): the column variables of layered tables and chi-squares. */
export function plainBannerVariables(banner: Pick<BannerSpec, 'items'>): string[] {
  return banner.items.flatMap((it) => ('variable' in it ? [it.variable] : []));
}
