/**
 * Output rules for a layered crosstab. The layer tables and the total table form one 3-D table: each
 * total cell is the sum of that cell over the layers, so a cell suppressed in one layer could be
 * recomputed from the total and the other layers. The rules therefore run on the whole cube at once
 * (layers-cube.ts): the primary rules of a single crosstab inside every table, then secondary
 * suppression over all equalities together — within a table, and across the layers and the total —
 * picking partners by least information loss, proven by the LP audit on the unweighted and (for
 * weighted tables) the weighted values.
 *
 * When no pattern protects layers and total together — or leaving the total out withholds fewer cells
 * (the whole total table counted as withheld) — the layers are published without the total table,
 * each protected on its own (they hold disjoint cases, so no equality ties them), and the result says
 * so in `totalWithheld`.
 *
 * The layers of a multiple-response set overlap (`overlapping`): each is bounded by the total rather
 * than summing to it, and the cube carries those inequalities (layers-cube.ts). Published without the
 * total, overlapping layers are tied by nothing an intruder knows (the bound is the unpublished total),
 * so protecting each on its own is safe there too.
 */
import type { LayeredCrosstab, LayerKey } from '../../engine/layer-result';
import type { CrosstabTable, DisclosureSummary } from '../../model/results';
import { applyRulesToCrosstab, crosstabReferenceValues } from './crosstab';
import { markDifferences, unsafeDifferences, type DifferenceSource } from '../primary/differences';
import { codeKey } from '../../model/dataset';
import { buildCube, cubeValues, type Cube } from './layers-cube';
import { publishWithPattern } from './crosstab-mask';
import type { DisclosureMessage } from '../../i18n/message-types';
import { legacyText, reasonMessages } from '../../i18n/messages';
import { checkLinkingKeys, keyMessages, summary, withReasons } from '../primary/result-checks';
import { crosstabLayout } from '../secondary/linear-table';
import { protectionNeed, weightedNeed } from '../secondary/need';
import { unsafeCount } from '../primary/cell-rules';
import type { RuleSet } from '../rules';
import { protectTable, type Layer } from '../secondary/suppress';

const TOTAL_WITHHELD: DisclosureMessage = { code: 'total-withheld' };

/**
 * Work bounds, in primary cells over all tables (the cross-layer equalities join the suppressed cells
 * into large components, so the audit's LPs grow with them). Measured on the demo data: about 80
 * primaries protect in well under a second, 160 in one to two seconds without pruning, 420 take ten.
 * Beyond the bound the layers are published without the total table (always safe, see above).
 */
const MAX_CUBE_PRIMARIES = 200;
/** Releasing surplus secondaries re-audits per candidate; above this it costs more than it saves. */
const MAX_PRUNED_PRIMARIES = 100;
const TOTAL_COSTLIER: DisclosureMessage = { code: 'total-costlier' };
const TOO_LARGE: DisclosureMessage = { code: 'total-too-large', max: MAX_CUBE_PRIMARIES };

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

export interface LayerRuleOptions {
  /**
   * The same layered table under other selections (differences.ts): each layer is compared with the
   * reference's layer of the same codes, the total with its total; a layer the reference lacks is 0.
   */
  references?: readonly { result: LayeredCrosstab; source: DifferenceSource }[];
}

type TableRefs = { table: CrosstabTable; source: DifferenceSource }[];

const layerKey = (keys: readonly LayerKey[]) => keys.map((k) => codeKey(k.code)).join('\u0000');

/** Per table of `result` (layers, then the total): the matching tables of the references. */
function tableReferences(result: LayeredCrosstab, opts: LayerRuleOptions): TableRefs[] {
  const refs = opts.references ?? [];
  const empty = (t: CrosstabTable): CrosstabTable => ({ ...t, count: t.count.map((row) => row.map(() => 0)) });
  const perLayer = result.layers.map((l) =>
    refs.map((ref) => {
      const match = ref.result.layers.find((x) => layerKey(x.keys) === layerKey(l.keys));
      return { table: match?.table ?? empty(l.table), source: ref.source };
    }),
  );
  const total = result.total ? refs.flatMap((ref) => (ref.result.total ? [{ table: ref.result.total, source: ref.source }] : [])) : [];
  return [...perLayer, total];
}

export function applyRulesToLayers(result: LayeredCrosstab, rs: RuleSet, opts: LayerRuleOptions = {}): LayeredCrosstab {
  const tables = [...result.layers.map((l) => l.table), ...(result.total ? [result.total] : [])];
  const refs = rs.name === 'none' ? [] : tableReferences(result, opts);
  if (rs.name === 'none' || !result.total) return separately(result, rs, !result.total && rs.name !== 'none', TOTAL_WITHHELD, refs);
  const names = [result.rowVariable, result.colVariable, ...result.layerVariables];
  const keys = checkLinkingKeys(names, undefined, rs);
  if (!keys.ok) return blocked(result, rs, keyMessages(keys.hits));
  if (tables.some((t) => t.count.some((row) => row.some((v) => v === null)))) {
    return blocked(result, rs, [{ code: 'input-suppressed-layers' }]);
  }
  const cube = buildCube(tables, result.overlapping ? { maxPerCase: result.overlapping.maxPerCase } : undefined);
  // Slack cells of overlapping layers are never published: they need no protection of their own.
  const own = (cell: number) => !cube.free[cell];
  const counts = cubeValues(
    cube,
    tables.map((t) => t.count as number[][]),
  );
  const { primary, reasons, blockedTables } = primaries(tables, cube, counts, rs, refs);
  const layers: Layer[] = [{ values: counts, integer: true, required: (cell, v) => (own(cell) ? protectionNeed(v, primary[cell], rs) : 0) }];
  if (tables.some((t) => isWeighted(t))) {
    const w = cubeValues(
      cube,
      tables.map((t) => t.weighted.map((row) => row.map((v) => v ?? 0))),
    );
    layers.push({ values: w, integer: false, required: (cell, wv) => (own(cell) ? weightedNeed(counts[cell], wv, primary[cell], rs) : 0) });
  }
  const primaries3d = primary.filter(Boolean).length;
  if (primaries3d > MAX_CUBE_PRIMARIES) return separately(result, rs, true, TOO_LARGE, refs);
  const pattern = protectTable(cube.table, layers, primary, { prune: primaries3d <= MAX_PRUNED_PRIMARIES, free: cube.free });
  if (pattern.failures.length > 0) return separately(result, rs, true, TOTAL_WITHHELD, refs);

  const published = tables.map((t, k) => {
    const hide = cube.own[k].map((cell) => pattern.suppressed[cell]);
    const prim = cube.own[k].filter((cell) => primary[cell]).length;
    const sec = cube.own[k].filter((cell) => pattern.secondary[cell]).length;
    const why = [...reasons[k]];
    if (sec > 0) why.push({ code: 'secondary-layers', n: sec });
    if (hide.some(Boolean) && t.chi2) why.push({ code: 'chi2-withheld' });
    const status = blockedTables[k] ? 'blocked' : hide.some(Boolean) ? 'suppressed' : 'safe';
    return publishWithPattern(t, hide, summary(rs, status, why, prim, sec));
  });
  const joint = assemble(result, published.slice(0, -1), published[published.length - 1], rs);
  // Least information loss: leaving the total out costs all its cells; take that when it withholds less.
  const alone = separately(result, rs, true, TOTAL_COSTLIER, refs);
  const lost = (r: LayeredCrosstab) => hiddenCells(r) + (r.total ? 0 : cube.layout.table.size);
  return lost(alone) < lost(joint) ? alone : joint;
}

/** Withheld cells (interior and unweighted margins) over all published tables. */
function hiddenCells(r: LayeredCrosstab): number {
  const tables = [...r.layers.map((l) => l.table), ...(r.total ? [r.total] : [])];
  const nulls = (xs: readonly (number | null | undefined)[] | undefined) => (xs ?? []).filter((v) => v === null || v === undefined).length;
  return sum(tables.map((t) => nulls(t.count.flat()) + nulls(t.rowCounts) + nulls(t.colCounts) + (t.n === undefined ? 1 : 0)));
}

function isWeighted(t: CrosstabTable): boolean {
  return !!t.weight && t.weighted.some((row, i) => row.some((v, j) => v !== t.count[i][j]));
}

/** The primary rules of a single crosstab (crosstab.ts), inside every table of the cube. */
function primaries(tables: readonly CrosstabTable[], cube: Cube, counts: readonly number[], rs: RuleSet, refs: readonly TableRefs[]) {
  const primary = new Array<boolean>(cube.table.size).fill(false);
  const reasons: DisclosureMessage[][] = [];
  const blockedTables: boolean[] = [];
  tables.forEach((t, k) => {
    const own = cube.own[k];
    const { r, c } = cube.shapes[k];
    const layout = crosstabLayout(r, c);
    const why: DisclosureMessage[] = [];
    const mark = (ownCell: number) => (primary[own[ownCell]] = true);
    let unsafe = 0;
    own.forEach((cell, ownCell) => {
      if (unsafeCount(counts[cell], rs)) {
        mark(ownCell);
        unsafe++;
      }
    });
    if (unsafe > 0) why.push({ code: 'primary-cells', n: unsafe, min: rs.minCount });
    const ownPrimary = own.map((cell) => primary[cell]);
    const refValues = (refs[k] ?? []).map((x) => ({ values: crosstabReferenceValues(t, x.table), source: x.source }));
    markDifferences(
      ownPrimary,
      unsafeDifferences(
        own.map((cell) => counts[cell]),
        refValues,
        rs,
      ),
      () => false,
      rs,
      why,
    );
    ownPrimary.forEach((p, ownCell) => p && mark(ownCell));
    if (rs.suppressSmallBase) {
      for (let j = 0; j < c; j++) {
        if (!unsafeCount(counts[own[layout.colTotal(j)]], rs)) continue;
        for (let i = 0; i < r; i++) mark(layout.interior(i, j));
        why.push({ code: 'column-base', label: t.cols[j].label, base: counts[own[layout.colTotal(j)]], min: rs.minCount });
      }
      for (let i = 0; i < r; i++) {
        if (!unsafeCount(counts[own[layout.rowTotal(i)]], rs)) continue;
        for (let j = 0; j < c; j++) mark(layout.interior(i, j));
        why.push({ code: 'row-base', label: t.rows[i].label, base: counts[own[layout.rowTotal(i)]], min: rs.minCount });
      }
    }
    const n = counts[own[layout.grand]];
    const isBlocked = unsafeCount(n, rs);
    if (isBlocked) {
      own.forEach((_cell, ownCell) => mark(ownCell));
      why.push({ code: 'table-small', n, min: rs.minCount });
    }
    reasons.push(why);
    blockedTables.push(isBlocked);
  });
  return { primary, reasons, blockedTables };
}

/** Each layer protected on its own; the total dropped when `dropTotal` (see the file comment). */
function separately(result: LayeredCrosstab, rs: RuleSet, dropTotal: boolean, why = TOTAL_WITHHELD, refs: readonly TableRefs[] = []): LayeredCrosstab {
  const layers = result.layers.map((l, k) => applyRulesToCrosstab(l.table, rs, { references: refs[k] ?? [] }));
  const total = !dropTotal && result.total ? applyRulesToCrosstab(result.total, rs, { references: refs[result.layers.length] ?? [] }) : null;
  const out = assemble(result, layers, total, rs);
  if (!dropTotal || !result.total) return out;
  return { ...out, totalWithheld: legacyText(why), totalWithheldMessage: why, rules: withReasons(out.rules!, [why]) };
}

function blocked(result: LayeredCrosstab, rs: RuleSet, reasons: DisclosureMessage[]): LayeredCrosstab {
  const block = (t: CrosstabTable) => {
    const size = crosstabLayout(t.rows.length, t.cols.length).table.size;
    return publishWithPattern(t, new Array<boolean>(size).fill(true), summary(rs, 'blocked', reasons, t.rows.length * t.cols.length, 0));
  };
  return assemble(
    result,
    result.layers.map((l) => block(l.table)),
    result.total && block(result.total),
    rs,
  );
}

function assemble(result: LayeredCrosstab, layers: CrosstabTable[], total: CrosstabTable | null, rs: RuleSet): LayeredCrosstab {
  const all = [...layers, ...(total ? [total] : [])];
  const rules: DisclosureSummary = summary(
    rs,
    all.every((t) => t.rules.status === 'blocked') ? 'blocked' : all.some((t) => t.rules.status !== 'safe') ? 'suppressed' : 'safe',
    unique(all.flatMap((t, k) => reasonMessages(t.rules).map((m) => ({ ...m, scope: k < layers.length ? result.layers[k].label : 'Totaal' })))),
    sum(all.map((t) => t.rules.primary)),
    sum(all.map((t) => t.rules.secondary)),
  );
  return { ...result, layers: result.layers.map((l, k) => ({ ...l, table: layers[k] })), total, rules };
}

/** Messages with distinct texts, first occurrence kept. */
function unique(ms: DisclosureMessage[]): DisclosureMessage[] {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const key = legacyText(m);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
