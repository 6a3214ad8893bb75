/**
 * A multiple-response set read against a dataset: its items and, per case, whether the case has a
 * valid value on at least one member (it is in the base) and which items it has.
 *
 * Dichotomies: item k is member k; a case has it when the member holds the counted value. A member
 * is valid when it is neither system- nor user-missing (SPSS). Categories: the items are the valid
 * codes the members hold (and, with `includeLabelled`, labelled codes that do not occur), in code
 * order; a case has item k when any member holds k, however many members do.
 */
import { type Code, codeKey, type Dataset } from '../../model/dataset';
import type { MultipleResponseSet } from '../../model/mr-set';
import type { CategoryRef, MrSetRef } from '../../model/results';
import { type CategoryLookup, categoryLookup } from '../categorize';
import { EngineError } from '../errors';
import { variable } from '../vars';

export interface SetReader {
  ref: MrSetRef;
  items: CategoryRef[];
  /**
   * Writes the items case i has into `out` (each once) and returns how many; −1 when the case has no
   * valid value on any member (it is not in the base).
   */
  itemsOf: (i: number, out: Int32Array) => number;
  /** Most items one case can have: the set's members (dichotomies) or min(members, items) (categories). */
  maxPerCase: number;
}

/** The dataset's set of that name (case-insensitive), or an error naming the sets there are. */
export function findMrSet(ds: Pick<Dataset, 'mrSets'>, name: string): MultipleResponseSet {
  const lower = name.toLowerCase();
  const set = ds.mrSets.find((s) => s.name.toLowerCase() === lower);
  if (!set) {
    const known = ds.mrSets.map((s) => s.name).join(', ');
    throw new EngineError('unknown-set', `Onbekende set: ${name}${known ? ` (sets: ${known})` : ' (de dataset heeft geen sets)'}`);
  }
  return set;
}

export function setRef(set: MultipleResponseSet, ds: Dataset): MrSetRef {
  return {
    name: set.name,
    label: set.label || set.name,
    kind: set.type,
    counted: set.type === 'dichotomies' ? (set.countedValue ?? null) : null,
    variables: set.variables.map((v) => variable(ds, v).meta.name),
  };
}

function compareCodes(a: Code, b: Code): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function readSet(ds: Dataset, set: MultipleResponseSet, opts: { filter?: Uint8Array; includeLabelled?: boolean } = {}): SetReader {
  const members = set.variables.map((name) => variable(ds, name));
  if (members.length === 0) throw new EngineError('bad-set', `Set ${set.name} heeft geen variabelen`);
  const types = new Set(members.map((m) => m.meta.type));
  if (types.size > 1) throw new EngineError('bad-set', `Set ${set.name} mengt numerieke en tekstvariabelen`);
  const ref = setRef(set, ds);
  if (set.type === 'dichotomies') {
    if (set.countedValue === undefined) throw new EngineError('bad-set', `Set ${set.name} heeft geen getelde waarde`);
    const key = codeKey(set.countedValue);
    const looks = members.map((m) => categoryLookup(m.col, m.meta, { filter: opts.filter }));
    const counted = Int32Array.from(looks, (l) => l.categories.findIndex((c) => !c.missing && codeKey(c.code) === key));
    const items = members.map((m) => ({ code: m.meta.name, label: m.meta.label || m.meta.name }));
    return { ref, items, maxPerCase: items.length, itemsOf: dichotomyItems(looks, counted) };
  }
  const looks = members.map((m) => categoryLookup(m.col, m.meta, { filter: opts.filter, includeLabelled: opts.includeLabelled }));
  const codes = new Map<string, Code>();
  for (const l of looks) for (const c of l.categories) if (!c.missing) codes.set(codeKey(c.code), c.code);
  const sorted = [...codes.values()].sort(compareCodes);
  const position = new Map(sorted.map((c, k) => [codeKey(c), k]));
  const items = sorted.map((code) => {
    const labelled = members.find((m) => m.meta.valueLabels[codeKey(code)] !== undefined);
    return { code, label: labelled ? labelled.meta.valueLabels[codeKey(code)] : String(code) };
  });
  const itemOf = looks.map((l) => Int32Array.from(l.categories, (c) => (c.missing ? -1 : (position.get(codeKey(c.code)) ?? -1))));
  return { ref, items, maxPerCase: Math.min(members.length, items.length), itemsOf: categoryItems(looks, itemOf, items.length) };
}

function dichotomyItems(looks: CategoryLookup[], counted: Int32Array): SetReader['itemsOf'] {
  const m = looks.length;
  return (i, out) => {
    let valid = false;
    let n = 0;
    for (let k = 0; k < m; k++) {
      const l = looks[k];
      const c = l.lut[l.data[i] + l.offset];
      if (c < 0) continue;
      valid = true;
      if (c === counted[k]) out[n++] = k;
    }
    return valid ? n : -1;
  };
}

function categoryItems(looks: CategoryLookup[], itemOf: Int32Array[], nItems: number): SetReader['itemsOf'] {
  const m = looks.length;
  // A stamp per item instead of clearing flags for every case: item k is taken when seen[k] === stamp.
  const seen = new Int32Array(nItems);
  let stamp = 0;
  return (i, out) => {
    stamp++;
    let valid = false;
    let n = 0;
    for (let k = 0; k < m; k++) {
      const l = looks[k];
      const c = l.lut[l.data[i] + l.offset];
      if (c < 0) continue;
      const item = itemOf[k][c];
      if (item < 0) continue;
      valid = true;
      if (seen[item] !== stamp) {
        seen[item] = stamp;
        out[n++] = item;
      }
    }
    return valid ? n : -1;
  };
}
