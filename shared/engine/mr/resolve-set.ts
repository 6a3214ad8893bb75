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

/**
 * One member as the kernels read it: `lut[data[i] + off]` is −1 when case i is missing on it, else
 * (dichotomies) 1 when it holds the counted value and 0 when not, or (categories) the item it names.
 */
export interface MemberReader {
  data: ArrayLike<number>;
  lut: Int32Array;
  off: number;
}

export interface SetReader {
  ref: MrSetRef;
  kind: 'dichotomies' | 'categories';
  items: CategoryRef[];
  members: MemberReader[];
  /**
   * Writes the items case i has into `out` (each once) and returns how many; −1 when the case has no
   * valid value on any member (it is not in the base). For callers outside the kernels' hot loop.
   */
  itemsOf: (i: number, out: Int32Array) => number;
  /** Most items one case can have: the set's members (dichotomies) or min(members, items) (categories). */
  maxPerCase: number;
}

/**
 * A member's reader from its category lookup and a map from its categories to states. Int8 codes are
 * read through a Uint8 view with a 256-entry table, so the kernel adds no offset (as banner-tally.ts).
 */
function memberReader(l: CategoryLookup, stateOf: (category: number) => number): MemberReader {
  if (l.data instanceof Int8Array) {
    const lut = new Int32Array(256);
    for (let x = 0; x < 256; x++) {
      // Materialised indices (offset 1) never hold most byte values; those stay −1.
      const c = l.lut[((x << 24) >> 24) + l.offset] ?? -1;
      lut[x] = c < 0 ? -1 : stateOf(c);
    }
    return { data: new Uint8Array(l.data.buffer, l.data.byteOffset, l.data.length), lut, off: 0 };
  }
  return { data: l.data, lut: Int32Array.from(l.lut, (c) => (c < 0 ? -1 : stateOf(c))), off: l.offset };
}

/**
 * A row (or column) that names a multiple-response set rather than a variable: set names start with
 * `$`. An unknown `$name` is taken as a set, so the error lists the sets there are — unless a variable
 * is called that.
 */
export function namesSet(ds: Pick<Dataset, 'mrSets' | 'variables'>, name: string): boolean {
  if (!name.startsWith('$')) return false;
  const lower = name.toLowerCase();
  return ds.mrSets.some((s) => s.name.toLowerCase() === lower) || !ds.variables.some((v) => v.name.toLowerCase() === lower);
}

/** The dataset's set of that name (case-insensitive), or an error naming the sets there are. */
export function findMrSet(ds: Pick<Dataset, 'mrSets'>, name: string): MultipleResponseSet {
  const lower = name.toLowerCase();
  const set = ds.mrSets.find((s) => s.name.toLowerCase() === lower);
  if (!set) {
    const known = ds.mrSets.map((s) => s.name).join(', ');
    throw new EngineError('unknown-set', { code: 'engine-unknown-set', name, known });
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
  if (members.length === 0) throw new EngineError('bad-set', { code: 'engine-set-no-members', set: set.name });
  const types = new Set(members.map((m) => m.meta.type));
  if (types.size > 1) throw new EngineError('bad-set', { code: 'engine-set-mixed', set: set.name });
  const ref = setRef(set, ds);
  if (set.type === 'dichotomies') {
    if (set.countedValue === undefined) throw new EngineError('bad-set', { code: 'engine-set-no-counted', set: set.name });
    const key = codeKey(set.countedValue);
    const looks = members.map((m) => categoryLookup(m.col, m.meta, { filter: opts.filter }));
    const counted = looks.map((l) => l.categories.findIndex((c) => !c.missing && codeKey(c.code) === key));
    const items = members.map((m) => ({ code: m.meta.name, label: m.meta.label || m.meta.name }));
    const readers = looks.map((l, k) => memberReader(l, (c) => (c === counted[k] ? 1 : 0)));
    return { ref, kind: 'dichotomies', items, members: readers, maxPerCase: items.length, itemsOf: dichotomyItems(readers) };
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
  const readers = looks.map((l) => memberReader(l, (c) => (l.categories[c].missing ? -1 : (position.get(codeKey(l.categories[c].code)) ?? -1))));
  return {
    ref,
    kind: 'categories',
    items,
    members: readers,
    maxPerCase: Math.min(members.length, items.length),
    itemsOf: categoryItems(readers, items.length),
  };
}

function dichotomyItems(members: MemberReader[]): SetReader['itemsOf'] {
  return (i, out) => {
    let valid = false;
    let n = 0;
    for (let k = 0; k < members.length; k++) {
      const s = members[k].lut[members[k].data[i] + members[k].off];
      if (s < 0) continue;
      valid = true;
      if (s === 1) out[n++] = k;
    }
    return valid ? n : -1;
  };
}

function categoryItems(members: MemberReader[], nItems: number): SetReader['itemsOf'] {
  // A stamp per item instead of clearing flags for every case: item k is taken when seen[k] === stamp.
  const seen = new Int32Array(nItems);
  let stamp = 0;
  return (i, out) => {
    stamp++;
    let valid = false;
    let n = 0;
    for (let k = 0; k < members.length; k++) {
      const item = members[k].lut[members[k].data[i] + members[k].off];
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
