/**
 * Tables of one book that share a banner, a filter and a weight are published side by side, so an
 * intruder reads them together: a column base withheld on one sheet and printed on another is simply
 * copied over, and two tables over the same population tie their suppressed cells to each other
 * through the shared base (Σ rows of A = base = Σ rows of B).
 *
 * `applyRulesToBanners` makes withheld bases consistent; this module is the proof on top of it. It
 * builds one linear system from all tables of the group (each banner's own sums, plus base_A = base_B
 * wherever two tables show the same column with the same unweighted base, i.e. the same population)
 * and audits every protected cell whose component reaches such a link. A table whose protection fails
 * in the joint system is blocked whole; blocking only removes published values, so the others can only
 * gain, and the loop ends.
 */
import type { DisclosureMessage } from '../../i18n/message-types';
import { auditSuppression, AuditError } from './audit';
import { type BannerLayout, bannerLayout } from './banner-layout';
import { withheldCell } from '../apply/banner-cells';
import { summary } from '../primary/result-checks';
import { sumConstraint, type Constraint, type LinearTable } from './linear-table';
import { protectionNeed, weightedNeed } from './need';
import type { RuleSet } from '../rules';
import type { BannerCell, BannerResult } from '../../model/results';

interface Layer {
  values: number[];
  required: number[];
  integer: boolean;
  /** Equal-base key per base cell (null: not linkable in this layer). */
  linkKey: (t: number, k: number) => string | null;
}

interface Joint {
  size: number;
  constraints: Constraint[];
  fixed: boolean[];
  hidden: boolean[];
  /** Table index of every joint cell. */
  owner: number[];
  offsets: number[];
  layouts: BannerLayout[];
}

function buildJoint(raws: readonly BannerResult[], ruled: readonly BannerResult[], live: number[]): Joint {
  const j: Joint = { size: 0, constraints: [], fixed: [], hidden: [], owner: [], offsets: [], layouts: [] };
  for (const t of live) {
    const raw = raws[t];
    const layout = bannerLayout(raw.rows.length, raw.columns, raw.nets, raw.sets);
    const off = j.size;
    j.offsets[t] = off;
    j.layouts[t] = layout;
    for (const c of layout.table.constraints) j.constraints.push({ cells: c.cells.map((x) => x + off), coefs: c.coefs });
    for (let c = 0; c < layout.table.size; c++) {
      j.fixed.push(layout.table.fixed?.[c] === true);
      // Slack cells of a set's inequalities are unknown to the intruder (never published).
      j.hidden.push(layout.free[c]);
      j.owner.push(t);
    }
    ruled[t].cells.forEach((row, i) => row.forEach((cell, k) => (j.hidden[off + layout.interior(i, k)] = cell.suppressed)));
    ruled[t].base.count.forEach((v, k) => (j.hidden[off + layout.base(k)] = v === null));
    j.size += layout.table.size;
  }
  return j;
}

/** Values and required widths of one quantity (counts or weighted counts) over the joint cells. */
function layerValues(
  raws: readonly BannerResult[],
  ruled: readonly BannerResult[],
  j: Joint,
  live: number[],
  value: (c: BannerCell) => number | null,
  baseValue: (raw: BannerResult, k: number) => number | null,
  need: (count: number, value: number, primary: boolean) => number,
): Pick<Layer, 'values' | 'required'> {
  const values = new Array<number>(j.size).fill(0);
  const required = new Array<number>(j.size).fill(0);
  for (const t of live) {
    const { raw, off, layout } = { raw: raws[t], off: j.offsets[t], layout: j.layouts[t] };
    const flat = layout.flatten(
      raw.cells.map((row) => row.map((c) => value(c) ?? 0)),
      raw.columns.map((_c, k) => baseValue(raw, k) ?? 0),
    );
    flat.forEach((v, c) => (values[off + c] = v));
    raw.cells.forEach((row, i) =>
      row.forEach((c, k) => {
        const cell = off + layout.interior(i, k);
        const primary = ruled[t].cells[i][k].suppression === 'primary';
        if (j.hidden[cell]) required[cell] = need(c.count ?? 0, value(c) ?? 0, primary);
      }),
    );
    raw.columns.forEach((_c, k) => {
      const cell = off + layout.base(k);
      if (j.hidden[cell]) required[cell] = need(raw.base.count[k] ?? 0, baseValue(raw, k) ?? 0, false);
    });
  }
  return { values, required };
}

function countLayer(raws: readonly BannerResult[], ruled: readonly BannerResult[], j: Joint, live: number[], rs: RuleSet): Layer {
  const v = layerValues(
    raws,
    ruled,
    j,
    live,
    (c) => c.count,
    (raw, k) => raw.base.count[k],
    (n, _v, p) => protectionNeed(n, p, rs),
  );
  return { ...v, integer: true, linkKey: (t, k) => `${raws[t].columns[k].key}\u0000${String(raws[t].base.count[k])}` };
}

function weightedLayer(raws: readonly BannerResult[], ruled: readonly BannerResult[], j: Joint, live: number[], rs: RuleSet): Layer {
  const v = layerValues(
    raws,
    ruled,
    j,
    live,
    (c) => c.weighted,
    (raw, k) => raw.base.weighted[k],
    (n, w, p) => weightedNeed(n, w, p, rs),
  );
  // Same population: same count and the same weighted total (to rounding).
  const key = (t: number, k: number) => {
    const w = raws[t].base.weighted[k];
    return w === null ? null : `${raws[t].columns[k].key}\u0000${String(raws[t].base.count[k])}\u0000${w.toPrecision(10)}`;
  };
  return { ...v, integer: false, linkKey: key };
}

/** Tables whose protected cells can be narrowed below their margin in the joint system, with partners. */
function failures(raws: readonly BannerResult[], ruled: readonly BannerResult[], rs: RuleSet): Map<number, Set<number>> {
  const live = ruled.map((r, t) => (r.rules.status === 'blocked' ? -1 : t)).filter((t) => t >= 0);
  const out = new Map<number, Set<number>>();
  if (live.length < 2) return out;
  const j = buildJoint(raws, ruled, live);
  const layers = [countLayer(raws, ruled, j, live, rs)];
  if (live.some((t) => raws[t].weight)) layers.push(weightedLayer(raws, ruled, j, live, rs));
  for (const layer of layers) {
    const first = new Map<string, number>();
    const links: Constraint[] = [];
    const partners = new Map<number, Set<number>>();
    const only: number[] = [];
    for (const t of live) {
      raws[t].columns.forEach((_c, k) => {
        const key = layer.linkKey(t, k);
        if (key === null) return;
        const cell = j.offsets[t] + j.layouts[t].base(k);
        const other = first.get(key);
        if (other === undefined) return void first.set(key, cell);
        links.push(sumConstraint([cell], other));
        const u = j.owner[other];
        partners.set(t, (partners.get(t) ?? new Set()).add(u));
        partners.set(u, (partners.get(u) ?? new Set()).add(t));
        if (j.hidden[cell] || j.hidden[other]) only.push(...[cell, other].filter((c) => j.hidden[c]));
      });
    }
    // Components that reach no link are exactly the single-table components apply-banner audited.
    if (only.length === 0) continue;
    const table: LinearTable = { size: j.size, constraints: [...j.constraints, ...links], fixed: j.fixed };
    const flag = (t: number) => out.set(t, new Set([...(out.get(t) ?? []), ...(partners.get(t) ?? [])]));
    try {
      const entries = auditSuppression(layer.values, j.hidden, table, (cell) => layer.required[cell], { integer: layer.integer, only, decide: true });
      for (const e of entries) if (!e.ok) flag(j.owner[e.cell]);
    } catch (e) {
      if (!(e instanceof AuditError)) throw e;
      for (const c of only) flag(j.owner[c]);
    }
  }
  return out;
}

function blocked(raw: BannerResult, rs: RuleSet, reason: DisclosureMessage): BannerResult {
  const nulls = (xs: (number | null)[]) => xs.map(() => null);
  return {
    ...raw,
    cells: raw.cells.map((row) => row.map((c) => withheldCell(c, 'primary'))),
    base: { count: nulls(raw.base.count), weighted: nulls(raw.base.weighted), effective: nulls(raw.base.effective) },
    means: raw.means ? { mean: nulls(raw.means.mean), se: nulls(raw.means.se), n: nulls(raw.means.n) } : undefined,
    rules: summary(rs, 'blocked', [reason], raw.rows.length * raw.columns.length, 0),
  };
}

/**
 * `ruled[t]` is `raws[t]` after the output rules; all share banner, filter and weight. Returns the
 * tables with every table blocked whose suppressed values the group as a whole would give away.
 */
export function auditLinkedBanners(raws: readonly BannerResult[], ruled: readonly BannerResult[], rs: RuleSet): BannerResult[] {
  const out = [...ruled];
  if (rs.name === 'none') return out;
  for (let round = 0; round < raws.length; round++) {
    const failed = failures(raws, out, rs);
    if (failed.size === 0) break;
    for (const [t, partners] of failed) {
      const names = [...partners].map((u) => raws[u].rowVariable.name).join(', ');
      out[t] = blocked(raws[t], rs, { code: 'linked-recomputable', tables: names });
    }
  }
  return out;
}
