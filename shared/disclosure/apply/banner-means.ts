/**
 * Which column means a banner weighted with a sampling weight may publish beside its suppression
 * pattern. A column's mean is a linear fact about its weighted cells: Σ_r (y_r − ȳ) · W_r = 0 over the
 * column's Σw cells W_r with scale values y_r. Beside a published base, two withheld cells of one column
 * would be two unknowns in two equations. (Its standard error speaks of Σw² per cell, never published:
 * no linear fact about the cells.)
 *
 * So the means are offered to the audit one column at a time, Totaal first: a column's equation joins
 * the intruder's system on the Σw layer when every withheld cell still keeps its protection with it;
 * otherwise that mean and its SE are withheld. Σw cells are not integers, so the LP audit is exact here.
 * Without a sampling weight (counts, or frequency weights, which an intruder may take as integers) the
 * LP relaxation could overstate what is left to guess once such equations join, and the mean of a
 * column with a withheld cell is simply withheld (one-banner.ts).
 */
import type { BannerResult } from '../../model/results';
import type { BannerLayout } from '../secondary/banner-layout';
import { auditSuppression } from '../secondary/audit';
import type { Constraint, LinearTable } from '../secondary/linear-table';
import type { Layer } from '../secondary/suppress';

export interface MeansAuditInput {
  result: BannerResult;
  layout: BannerLayout;
  /** Cells withheld by the pattern (slack cells of sets excluded, as protectTable reports them). */
  hidden: readonly boolean[];
  /** The Σw layer the pattern was proven on (values, protection needs). */
  weighted: Layer;
  /** Columns whose mean is withheld for another reason (base withheld, small group): not offered. */
  withheld: (k: number) => boolean;
}

/** Per column: true when its mean (and SE) must be withheld so the pattern keeps its protection. */
export function meansGivingAway(inp: MeansAuditInput): boolean[] {
  const { result, layout } = inp;
  const means = result.means!;
  const K = result.columns.length;
  const netRows = new Set((result.nets ?? []).map((n) => n.row));
  const y = result.rows.map((r, i) => (netRows.has(i) ? NaN : typeof r.code === 'number' ? r.code : Number(r.code)));
  const scaleRows = y.flatMap((v, i) => (Number.isFinite(v) ? [i] : []));
  const hidden = layout.table.fixed ? inp.hidden.map((h, c) => h && !layout.table.fixed![c]) : [...inp.hidden];
  layout.free.forEach((f, c) => f && (hidden[c] = true));
  const on = inp.weighted;
  const out = new Array<boolean>(K).fill(false);
  const accepted: Constraint[] = [];

  const equation = (k: number): Constraint => {
    const m = means.mean[k]!;
    return { cells: scaleRows.map((i) => layout.interior(i, k)), coefs: scaleRows.map((i) => y[i] - m) };
  };

  const order = [...Array(K).keys()].sort((a, b) => Number(result.columns[b].path.length === 0) - Number(result.columns[a].path.length === 0));
  for (const k of order) {
    if (means.mean[k] === null || inp.withheld(k)) continue;
    if (!scaleRows.some((i) => hidden[layout.interior(i, k)])) continue;
    const eq = equation(k);
    const table = { ...layout.table, constraints: [...layout.table.constraints, ...accepted, eq] };
    if (auditOk(on.values, hidden, table, on)) accepted.push(eq);
    else out[k] = true;
  }
  return out;
}

/**
 * The audit of the pattern with the means' equations. A Σw cell whose need is only "not determined"
 * (a differencing primary of at least the minimum count) is held to an interval wider than rounding
 * noise here: the audit's tolerance alone would let a single value pass for Σw.
 */
function auditOk(values: readonly number[], hidden: readonly boolean[], table: LinearTable, layer: Layer): boolean {
  const required = (cell: number, v: number) => {
    const r = layer.required(cell, v);
    return r > 0 ? Math.max(r, 1e-6 * Math.max(1, Math.abs(v))) : 0;
  };
  try {
    const entries = auditSuppression(values, hidden, table, required, {
      integer: layer.integer,
      decide: true,
    });
    return entries.every((e) => e.ok);
  } catch {
    return false; // an inconsistent system (rounding in the published mean) is not taken as proof
  }
}
