/**
 * Ordering: scale order, value sorts, and the diverging layout of agree/disagree scales.
 */
import type { ChartData } from './data';
import type { ChartSpec } from './spec';

/** Negative/positive word pairs of bipolar answer scales (Dutch and English). */
const POLES: [RegExp, RegExp][] = [
  [/oneens/i, /eens/i],
  [/disagree/i, /agree/i],
  [/ontevreden/i, /tevreden/i],
  [/dissatisfied/i, /satisfied/i],
  [/onveilig/i, /veilig/i],
  [/unsafe/i, /safe/i],
  [/\bslecht/i, /\bgoed/i],
  [/\bbad\b|\bpoor\b/i, /\bgood\b/i],
  [/negatief/i, /positief/i],
  [/\bnegative/i, /\bpositive/i],
  [/onbelangrijk/i, /belangrijk/i],
  [/weinig vertrouwen|geen vertrouwen/i, /veel vertrouwen/i],
];

/** "Don't know"-type answers sit outside the scale. */
const OFF_SCALE = /weet (ik )?niet|geen mening|geen antwoord|n\.?v\.?t|don'?t know|no opinion|not applicable/i;

export interface ScaleLayout {
  /** Row indices from the strongest negative to the strongest positive answer. */
  order: number[];
  /** How many of `order` are negative; with an odd scale the middle one is neutral. */
  negatives: number;
  neutral: number | null;
  /** Off-scale answers (don't know), drawn after the positive side. */
  offScale: number[];
}

/**
 * Detects a bipolar scale from its labels. Returns null when the labels do not name two poles, so a
 * plain ordinal or nominal question is never forced into a diverging layout.
 */
export function bipolarLayout(labels: string[]): ScaleLayout | null {
  const offScale = labels.map((l, i) => (OFF_SCALE.test(l) ? i : -1)).filter((i) => i >= 0);
  const onScale = labels.map((_, i) => i).filter((i) => !offScale.includes(i));
  if (onScale.length < 2) return null;
  for (const [neg, pos] of POLES) {
    const isNeg = (i: number) => neg.test(labels[i]);
    const isPos = (i: number) => pos.test(labels[i]) && !neg.test(labels[i]);
    if (!onScale.some(isNeg) || !onScale.some(isPos)) continue;
    // Codes may run from agree to disagree; the scale's first half decides which way round it is.
    const firstNeg = onScale.findIndex(isNeg);
    const firstPos = onScale.findIndex(isPos);
    const order = firstNeg < firstPos ? onScale : [...onScale].reverse();
    const k = order.length;
    return { order, negatives: Math.floor(k / 2), neutral: k % 2 === 1 ? order[(k - 1) / 2] : null, offScale };
  }
  return null;
}

export function useDiverging(data: ChartData, spec: ChartSpec): ScaleLayout | null {
  if (spec.type !== 'bar-100' || spec.diverging === 'off' || !data.isPct) return null;
  const layout = bipolarLayout(data.rows.map((r) => r.label));
  if (layout) return layout;
  if (spec.diverging !== 'on') return null;
  // Forced on without recognisable poles: trust the code order (low = negative).
  const k = data.rows.length;
  const order = data.rows.map((_, i) => i);
  return { order, negatives: Math.floor(k / 2), neutral: k % 2 === 1 ? (k - 1) / 2 : null, offScale: [] };
}

/**
 * Order of the group (column) categories for charts with groups on the axis. Value sorts use the
 * given score per group (nulls last); the Totaal column stays first.
 */
export function orderGroups(data: ChartData, spec: ChartSpec, score: (j: number) => number | null): number[] {
  const idx = data.cols.map((_, j) => j);
  if (spec.sort === 'scale') return idx;
  const total = idx.filter((j) => data.cols[j].isTotal);
  const rest = idx.filter((j) => !data.cols[j].isTotal);
  return [...total, ...sortBy(rest, score, spec.sort === 'value-desc')];
}

/** Order of the answer categories for charts with answers on the axis (grouped bars). */
export function orderRows(data: ChartData, spec: ChartSpec): number[] {
  const idx = data.rows.map((_, i) => i);
  if (spec.sort === 'scale') return idx;
  const ref = data.cols.findIndex((c) => c.isTotal);
  const j = ref >= 0 ? ref : 0;
  // "Anders", "Weet niet", "Geen van deze" close the list whatever their size.
  const last = (i: number) => data.keepLast?.[i] === true;
  const sorted = sortBy(
    idx.filter((i) => !last(i)),
    (i) => data.values[i][j],
    spec.sort === 'value-desc',
  );
  return [...sorted, ...idx.filter(last)];
}

function sortBy(idx: number[], score: (i: number) => number | null, desc: boolean): number[] {
  return [...idx].sort((a, b) => {
    const x = score(a);
    const y = score(b);
    if (x == null || y == null) return x == null ? (y == null ? a - b : 1) : -1;
    return desc ? y - x || a - b : x - y || a - b;
  });
}
