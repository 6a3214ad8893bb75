/**
 * Merging two datasets side by side on a key (e.g. respondent id), as SPSS MATCH FILES.
 *
 * - 'one-to-one': keys are unique on both sides. Rows follow `left`; right rows without a partner
 *   are added after them.
 * - 'one-to-many': `left` has one row per key (a lookup table, e.g. persons), `right` any number
 *   (e.g. one row per wave). Rows follow `right`, each with its left row's values; left rows without
 *   a partner are added after them.
 * Nothing is dropped (a full outer join); the report says how many rows found no partner, so the
 * user can filter them out knowingly. A missing key (system-missing or empty text) never matches.
 * Variables both sides have (other than the key) are kept from `left`, or renamed with `rightSuffix`.
 * `planMerge` computes the report without building anything, so the user sees duplicates and
 * unmatched cases before committing; `mergeDatasets` refuses when duplicate keys break the kind.
 */
import type { Code, Column, Dataset, VariableMeta } from '../model/dataset';
import { findVariable, numericAt } from '../model/dataset';
import { gather } from './gather';
import { type MetaConflict, PanelError } from './panel';

export interface MergeOptions {
  key: string;
  kind: 'one-to-one' | 'one-to-many';
  /** Renames right-hand variables whose names the left already uses, e.g. '_w2'. */
  rightSuffix?: string;
}

export interface MergeReport {
  /** Key values that occur more than once (at most 1,000 listed per side). */
  duplicateKeys: { left: Code[]; right: Code[] };
  unmatchedLeft: number;
  unmatchedRight: number;
  missingKeys: { left: number; right: number };
  conflicts: MetaConflict[];
  /** Rows of the merged dataset. */
  rows: number;
  /** False when duplicate keys break the chosen kind; mergeDatasets would refuse. */
  ok: boolean;
}

export class MergeError extends PanelError {
  constructor(
    message: string,
    readonly report: MergeReport,
  ) {
    super(message);
    this.name = 'MergeError';
  }
}

const MAX_LISTED = 1000;

/** Key per row: a number, right-trimmed text, or null when missing. */
function keysOf(ds: Dataset, key: string): { keys: (Code | null)[]; type: 'numeric' | 'string' } {
  const k = findVariable(ds, key);
  if (k < 0) throw new PanelError(`Key variable '${key}' is not in dataset '${ds.name}'`);
  const col = ds.columns[k];
  const keys: (Code | null)[] = new Array(ds.rows);
  for (let i = 0; i < ds.rows; i++) {
    if (col.kind === 'numeric') {
      const v = numericAt(col, i);
      keys[i] = v !== v ? null : v;
    } else {
      const s = col.dict[col.codes[i]].replace(/ +$/, '');
      keys[i] = s === '' ? null : s;
    }
  }
  return { keys, type: col.kind };
}

function indexKeys(keys: (Code | null)[]): { first: Map<Code, number>; duplicates: Code[]; missing: number } {
  const first = new Map<Code, number>();
  const dup = new Set<Code>();
  let missing = 0;
  keys.forEach((k, i) => {
    if (k === null) missing++;
    else if (first.has(k)) dup.add(k);
    else first.set(k, i);
  });
  return { first, duplicates: [...dup], missing };
}

interface Plan {
  report: MergeReport;
  leftIdx: Int32Array;
  rightIdx: Int32Array;
  renamed: Map<number, string>;
}

function plan(left: Dataset, right: Dataset, o: MergeOptions): Plan {
  const L = keysOf(left, o.key);
  const R = keysOf(right, o.key);
  if (L.type !== R.type) throw new PanelError(`Key '${o.key}' is ${L.type} on the left and ${R.type} on the right`);
  const li = indexKeys(L.keys);
  const ri = indexKeys(R.keys);
  const ok = li.duplicates.length === 0 && (o.kind === 'one-to-many' || ri.duplicates.length === 0);
  const pairs: [number, number][] = [];
  let unmatchedLeft = 0;
  let unmatchedRight = 0;
  if (o.kind === 'one-to-one') {
    const used = new Uint8Array(right.rows);
    L.keys.forEach((k, i) => {
      const r = k === null ? undefined : ri.first.get(k);
      if (r === undefined) unmatchedLeft++;
      else used[r] = 1;
      pairs.push([i, r ?? -1]);
    });
    for (let r = 0; r < right.rows; r++) {
      if (used[r]) continue;
      pairs.push([-1, r]);
      unmatchedRight++;
    }
  } else {
    const used = new Uint8Array(left.rows);
    R.keys.forEach((k, r) => {
      const l = k === null ? undefined : li.first.get(k);
      if (l === undefined) unmatchedRight++;
      else used[l] = 1;
      pairs.push([l ?? -1, r]);
    });
    for (let l = 0; l < left.rows; l++) {
      if (!used[l]) {
        pairs.push([l, -1]);
        unmatchedLeft++;
      }
    }
  }
  const conflicts: MetaConflict[] = [];
  const renamed = new Map<number, string>();
  right.variables.forEach((v, j) => {
    if (v.name.toLowerCase() === o.key.toLowerCase() || findVariable(left, v.name) < 0) return;
    const to = o.rightSuffix ? v.name + o.rightSuffix : null;
    if (to && findVariable(left, to) < 0 && findVariable(right, to) < 0) renamed.set(j, to);
    conflicts.push({ variable: v.name, field: 'name', a: 'kept', b: to ? `renamed to ${to}` : 'dropped: left values kept' });
  });
  const report: MergeReport = {
    duplicateKeys: { left: li.duplicates.slice(0, MAX_LISTED), right: ri.duplicates.slice(0, MAX_LISTED) },
    unmatchedLeft,
    unmatchedRight,
    missingKeys: { left: li.missing, right: ri.missing },
    conflicts,
    rows: pairs.length,
    ok,
  };
  return {
    report,
    leftIdx: Int32Array.from(pairs, (p) => p[0]),
    rightIdx: Int32Array.from(pairs, (p) => p[1]),
    renamed,
  };
}

export function planMerge(left: Dataset, right: Dataset, o: MergeOptions): MergeReport {
  return plan(left, right, o).report;
}

export function mergeDatasets(left: Dataset, right: Dataset, o: MergeOptions): { dataset: Dataset; report: MergeReport } {
  const p = plan(left, right, o);
  const { report, leftIdx, rightIdx } = p;
  if (!report.ok) {
    const side = report.duplicateKeys.left.length > 0 ? 'left' : 'right';
    throw new MergeError(`Duplicate values of '${o.key}' in the ${side} dataset do not allow a ${o.kind} merge`, report);
  }
  const rows = report.rows;
  const variables: VariableMeta[] = [];
  const columns: Column[] = [];
  const rk = findVariable(right, o.key);
  left.variables.forEach((v, k) => {
    const sources = [{ col: left.columns[k], idx: leftIdx }];
    // The key of a row only the right side has comes from the right.
    if (k === findVariable(left, o.key)) sources.push({ col: right.columns[rk], idx: rightIdx });
    variables.push(v);
    columns.push(gather(sources, rows, v.type));
  });
  right.variables.forEach((v, j) => {
    if (j === rk) return;
    const name = p.renamed.get(j);
    if (findVariable(left, v.name) >= 0 && name === undefined) return;
    variables.push(name ? { ...v, name } : v);
    columns.push(gather([{ col: right.columns[j], idx: rightIdx }], rows, v.type));
  });
  const dataset: Dataset = {
    ...left,
    rows,
    variables,
    columns,
    weight: left.weight ?? right.weight,
  };
  return { dataset, report };
}
