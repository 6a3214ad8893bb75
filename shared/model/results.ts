/**
 * Result shapes shared by the engine, disclosure control, the CLI's JSON, the grid, the tabellenboek
 * and the charts. The CLI shapes are a public contract (docs/cli.md): fields may be added, never renamed.
 * Suppressed cells are `null` in every matrix.
 */
import type { Chi2NoteMessage, DisclosureMessage } from '../i18n/message-types';
import type { Code } from './dataset';

export type WeightType = 'frequency' | 'sampling';
export type RuleSetName = 'cbs-persons' | 'cbs-business' | 'none';
/**
 * The output rules' verdict on a table: published whole, published with cells withheld, or not
 * published; 'unchecked' when it was made under rules below the project's (or none), on request and
 * with a written reason — every file written from it says so.
 */
export type TableStatus = 'safe' | 'suppressed' | 'blocked' | 'unchecked';

export interface WeightInfo {
  variable: string;
  type: WeightType;
  /** Cases left out because their weight was zero, negative or missing. */
  excluded: number;
}

export interface CategoryRef {
  code: Code;
  label: string;
}

export interface FreqCategory extends CategoryRef {
  count: number;
  weighted: number;
  percent: number | null;
  validPercent: number | null;
  cumPercent: number | null;
  missing: boolean;
  /** 'user' or 'system' for missing categories. */
  missingKind?: 'user' | 'system';
}

export interface FreqResult {
  variable: string;
  label?: string;
  weight: string | null;
  weightInfo?: WeightInfo | null;
  categories: FreqCategory[];
  total: number;
  validTotal: number;
  /** Unweighted counts of all and of valid cases. */
  n?: number;
  validN?: number;
  rules?: DisclosureSummary;
}

export interface TestStat {
  value: number;
  df: number;
  p: number;
}

export interface RaoScott {
  F: number;
  ndf: number;
  ddf: number;
  p: number;
}

export interface Chi2Block {
  pearson: TestStat;
  lr: TestStat;
  raoScott?: RaoScott;
  /** 2×2 tables only. */
  yates?: TestStat;
  fisher?: { p: number };
  /** Why a test is missing or how it was made, as message codes (shared/i18n): each front end says them in its language. */
  notes?: Chi2NoteMessage[];
  /**
   * The same notes as one text, joined by "; " (Dutch, as it always was: the CLI JSON contract). Set on
   * the way out (shared/analysis), never by the engine.
   */
  note?: string;
}

/** One row-variable × column-variable table (valid cases only). */
export interface CrosstabTable {
  rowVariable?: string;
  colVariable?: string;
  rows: CategoryRef[];
  cols: CategoryRef[];
  count: (number | null)[][];
  weighted: (number | null)[][];
  colPct: (number | null)[][];
  rowPct: (number | null)[][];
  totalPct?: (number | null)[][];
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  /** Unweighted margins, for the unweighted base. */
  rowCounts?: (number | null)[];
  colCounts?: (number | null)[];
  total: number | null;
  n?: number;
  chi2: Chi2Block | null;
  suppressed: boolean[][];
  /** Cells published because a recorded override released them (see DisclosureSummary.overrides). */
  overridden?: boolean[][];
  weight?: string | null;
  weightInfo?: WeightInfo | null;
  /** Present when the rows are the items of a multiple-response set (colPct is then % of the column's base). */
  mr?: CrosstabMrBlock;
  /**
   * Present when the columns are the items of a multiple-response set (docs/cli.md): the columns
   * overlap, each column's base (colCounts, colTotals) is the cases holding that item, and rowTotals,
   * rowCounts, total and n are the Totaal column (all cases with a valid row value).
   */
  mrCols?: { set: string; kind: 'dichotomies' | 'categories'; counted: Code | null };
  rules: DisclosureSummary;
}

export interface CrosstabMulti {
  tables: CrosstabTable[];
}

/** Banner tables: one row variable against Totaal | stacked and nested column variables. */
export interface BannerColumnPathStep {
  variable: string;
  code: Code;
  label: string;
}

export interface BannerColumn {
  /** Stable key, e.g. "total" or "gemeente=3" or "leeftijd_gr=1|geslacht=2". */
  key: string;
  /** Empty for the Totaal column. */
  path: BannerColumnPathStep[];
  /** Label of the last step (or "Totaal"). */
  label: string;
  /** Header block the column belongs to, e.g. the variable label "Gemeente". */
  group: string;
  /** Letter used for column-proportion tests within its group (A, B, ...). */
  letter: string;
}

export interface BannerCell {
  count: number | null;
  weighted: number | null;
  /** Column percentage, 0–100. */
  pct: number | null;
  /**
   * Row percentage within the cell's column group (the categories of one banner variable, or the inner
   * categories under one outer category of a nest), 0–100; 100 in Totaal. Withheld (null) when it would
   * reveal a row total that the output rules do not publish.
   */
  rowPct?: number | null;
  /** Percentage of the column group's total (Σ of its bases), 0–100; withheld like rowPct. */
  totalPct?: number | null;
  /** Letters of the columns in the same group that this cell is significantly higher than. */
  sig: string;
  suppressed: boolean;
  /** 'primary' | 'secondary' when suppressed. */
  suppression?: 'primary' | 'secondary';
  /** Published because a recorded override released it (see DisclosureSummary.overrides). */
  overridden?: boolean;
}

/** A net row of a banner: the sum of member rows (indices into `rows`), shown beside or instead of them. */
export interface BannerNet {
  row: number;
  members: number[];
  instead: boolean;
}

/**
 * Banner columns that are the items of a multiple-response set (indices into `columns`). They overlap
 * (a case is in every item column it holds), so they do not partition Totaal: the output rules know
 * only cell ≤ Totaal's cell, and Σ of the items ≤ maxPerCase × Totaal's cell.
 */
export interface BannerSetGroup {
  set: string;
  kind: 'dichotomies' | 'categories';
  /** Most items one case can hold. */
  maxPerCase: number;
  columns: number[];
}

export interface BannerResult {
  kind: 'banner';
  rowVariable: { name: string; label: string };
  /** The row variable's categories, then the nets (see `nets`). */
  rows: CategoryRef[];
  /** Rows that are nets: sums of other rows (their counts are not part of the column base). */
  nets?: BannerNet[];
  columns: BannerColumn[];
  /** Column groups that are the items of a multiple-response set (absent when there are none). */
  sets?: BannerSetGroup[];
  /** cells[row][column] */
  cells: BannerCell[][];
  base: {
    count: (number | null)[];
    weighted: (number | null)[];
    effective: (number | null)[];
  };
  /** Optional mean of the row variable (scale) per column. */
  means?: {
    mean: (number | null)[];
    se: (number | null)[];
    n: (number | null)[];
    /** Letters of the columns in the same group whose mean this column's mean significantly exceeds. */
    sig?: string[];
  };
  weight: WeightInfo | null;
  tests: { method: 'none' | 'z'; adjust: 'none' | 'bonferroni' | 'bh'; alpha: number };
  rules: DisclosureSummary;
}

/** The set a multiple-response table describes (docs/cli.md: `kind`, `counted` as in `describe`). */
export interface MrSetRef {
  name: string;
  label: string;
  kind: 'dichotomies' | 'categories';
  /** The counted value of a dichotomy set; null for a categories set. */
  counted: Code | null;
  variables: string[];
}

/** One item (or the "any" net) of a multiple-response set in one banner column. */
export interface MrCell {
  /** Unweighted cases with the item. */
  count: number | null;
  /** Σw of those cases (equal to count unweighted). */
  weighted: number | null;
  /** % of cases: weighted / the column's base, 0–100 (items of a column add up to more than 100). */
  pct: number | null;
  /** % of responses: weighted / the column's responses, 0–100 (asked for with `responsePct`). */
  responsePct?: number | null;
  /** Design-based standard error of `pct`, in percentage points (sampling weight or design only). */
  se?: number | null;
  /** Letters of the columns in the same group whose proportion this cell's significantly exceeds. */
  sig: string;
  suppressed: boolean;
  suppression?: 'primary' | 'secondary';
}

/**
 * A multiple-response set against banner columns (shared/engine/mr/): per column the base (cases with
 * a valid value on at least one member), per item the cases with the counted value (dichotomies) or
 * with that category in any member (categories), the net "any" and the responses (Σ of the items).
 */
export interface MrResult {
  kind: 'mr';
  set: MrSetRef;
  /** `code`: the member variable's name (dichotomies) or the category code (categories). */
  items: CategoryRef[];
  columns: BannerColumn[];
  /** cells[item][column] */
  cells: MrCell[][];
  /** Per column: cases with at least one item. */
  any: MrCell[];
  base: { count: (number | null)[]; weighted: (number | null)[]; effective: (number | null)[] };
  /** Per column: Σ of the item counts (count) and of their Σw (weighted). */
  responses: { count: (number | null)[]; weighted: (number | null)[] };
  weight: WeightInfo | null;
  tests: { method: 'none' | 'z'; adjust: 'none' | 'bonferroni' | 'bh'; alpha: number };
  /** Strata and cluster variables of the design behind `se`, when given. */
  design: { strata: string | null; cluster: string | null } | null;
  rules: DisclosureSummary;
}

/** The `mr` block of a crosstab with a set in its rows (docs/cli.md); per column, as `cols`. */
export interface CrosstabMrBlock {
  set: string;
  kind: 'dichotomies' | 'categories';
  counted: Code | null;
  base: (number | null)[];
  baseWeighted: (number | null)[];
  any: (number | null)[];
  anyWeighted: (number | null)[];
  responses: (number | null)[];
}

export interface Coefficient {
  term: string;
  b: number;
  se: number;
  stat: number;
  p: number;
  ciLow: number;
  ciHigh: number;
  /** Logistic models: exp(b) and its CI. */
  oddsRatio?: number;
  orLow?: number;
  orHigh?: number;
}

export interface RegressionResult {
  model: 'ols' | 'logit' | 'fe';
  dependent?: string;
  n: number;
  /** Residual degrees of freedom. */
  df: number;
  coefficients: Coefficient[];
  r2?: number;
  adjR2?: number;
  neg2LL?: number;
  se?: string;
  weight?: string | null;
  weightInfo?: WeightInfo | null;
  /** Cases dropped by listwise deletion. */
  excluded?: number;
  rules?: DisclosureSummary;
  /** Only when the engine is asked for it, for the output rules; removed before a result is published. */
  diagnostics?: ModelDiagnostics;
}

/** What the output rules need of a fit beyond its estimates (shared/disclosure/models). */
export interface ModelDiagnostics {
  /** Estimated parameters, absorbed fixed effects included: the rules' residual df is n - params. */
  params: number;
  /** Largest hat value (engine/regression/leverage.ts) and the term in which that case is most unusual. */
  maxLeverage: number;
  leverageTerm: string;
  /** Every hat value, when asked for (tests against R). */
  hat?: Float64Array;
}

/** What the output-rule checker concluded for one table; shown on every result. */
export interface DisclosureSummary {
  ruleSet: RuleSetName;
  status: TableStatus;
  primary: number;
  secondary: number;
  reasons: string[];
  /**
   * The same reasons as codes with parameters, one per entry of `reasons` and in the same order, so
   * front ends can say them in Dutch or English (shared/i18n/messages.ts). Absent when there are none.
   */
  messages?: DisclosureMessage[];
  /** Overrides applied to this table: cells published despite the rules, each with its written reason. */
  overrides?: AppliedOverride[];
}

/** One recorded override as applied to a result (the full record lives in the project store). */
export interface AppliedOverride {
  id: number;
  reason: string;
  /** ISO time the override was recorded. */
  createdAt: string;
  /** The released cells: row category code and column key (banner keys; 'total' = Totaal). */
  cells: { row: Code; col: string; rowLabel: string; colLabel: string; count: number }[];
}
