/**
 * Applies a rule set to a frequency table. As a linear table: the valid categories sum to the valid
 * total, and valid total plus the missing categories sum to the total.
 *
 * Cumulative percentages are differences in disguise (cum[k] − cum[k−1] = validPercent[k]), so they
 * are withheld from the first suppressed valid category onwards.
 */
import type { DisclosureSummary, FreqCategory, FreqResult } from '../../model/results';
import type { DisclosureMessage } from '../../i18n/message-types';
import { checkLinkingKeys, keyMessages, summary } from '../primary/result-checks';
import { sumConstraint, type LinearTable } from '../secondary/linear-table';
import { unsafeCount } from '../primary/cell-rules';
import { markDifferences, unsafeDifferences, type DifferenceSource } from '../primary/differences';
import { protectionNeed, weightedNeed } from '../secondary/need';
import type { RuleSet } from '../rules';
import { protectTable, type Layer } from '../secondary/suppress';

/** FreqCategory whose numbers may be withheld (null) by the output rules. */
export type DisclosedFreqCategory = Omit<FreqCategory, 'count' | 'weighted'> & {
  count: number | null;
  weighted: number | null;
  suppressed?: boolean;
  suppression?: 'primary' | 'secondary';
};

/** FreqResult after the rules: identical to FreqResult except that numbers may be null. */
export type DisclosedFreqResult = Omit<FreqResult, 'categories' | 'total' | 'validTotal'> & {
  categories: DisclosedFreqCategory[];
  total: number | null;
  validTotal: number | null;
  rules: DisclosureSummary;
};

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

export interface FreqRuleOptions {
  /** The same frequency table under other selections: categories whose difference is unsafe are primary (differences.ts). */
  references?: readonly { table: FreqResult; source: DifferenceSource }[];
}

/** A reference frequency table in this one's layout: categories by code, then its valid total and total. */
function referenceValues(freq: FreqResult, ref: FreqResult): number[] {
  const byCode = new Map(ref.categories.map((c) => [String(c.code), c.count]));
  const counts = freq.categories.map((c) => byCode.get(String(c.code)) ?? 0);
  const valid = sum(ref.categories.filter((c) => !c.missing).map((c) => c.count));
  return [...counts, valid, sum(ref.categories.map((c) => c.count))];
}

export function applyRulesToFreq(freq: FreqResult, rs: RuleSet, opts: FreqRuleOptions = {}): DisclosedFreqResult {
  if (rs.name === 'none') return { ...freq, rules: summary(rs, 'safe') };
  const keys = checkLinkingKeys([freq.variable], undefined, rs);
  if (!keys.ok) return blockAll(freq, rs, keyMessages(keys.hits));
  const cats = freq.categories;
  const kk = cats.length;
  const validIdx = cats.map((c, k) => (c.missing ? -1 : k)).filter((k) => k >= 0);
  const missingIdx = cats.map((c, k) => (c.missing ? k : -1)).filter((k) => k >= 0);
  const validCell = kk;
  const totalCell = kk + 1;
  const table: LinearTable = {
    size: kk + 2,
    constraints: [sumConstraint(validIdx, validCell), sumConstraint([...missingIdx, validCell], totalCell)],
  };
  const counts = cats.map((c) => c.count);
  const values = [...counts, sum(validIdx.map((k) => counts[k])), sum(counts)];
  if (unsafeCount(values[totalCell], rs)) {
    return blockAll(freq, rs, [{ code: 'table-small', n: values[totalCell], min: rs.minCount }]);
  }
  const reasons: DisclosureMessage[] = [];
  const primary = values.map((v) => unsafeCount(v, rs));
  const unsafeCategories = primary.filter(Boolean).length;
  if (unsafeCategories > 0) reasons.push({ code: 'primary-categories', n: unsafeCategories, min: rs.minCount });
  const refs = (opts.references ?? []).map((r) => ({ values: referenceValues(freq, r.table), source: r.source }));
  markDifferences(primary, unsafeDifferences(values, refs, rs), () => false, rs, reasons);
  const nPrimary = primary.filter(Boolean).length;
  const needs = (cell: number, v: number) => protectionNeed(v, primary[cell], rs);
  const layers: Layer[] = [{ values, required: needs, integer: true }];
  if (freq.weight) {
    const w = cats.map((c) => c.weighted);
    const wValues = [...w, sum(validIdx.map((k) => w[k])), sum(w)];
    layers.push({
      values: wValues,
      integer: false,
      required: (cell, wv) => weightedNeed(values[cell], wv, primary[cell], rs),
    });
  }
  const prot = protectTable(table, layers, primary);
  if (prot.failures.length > 0) return blockAll(freq, rs, [...reasons, { code: 'no-pattern' }]);
  const hide = prot.suppressed;
  const nSecondary = prot.secondary.filter(Boolean).length;
  if (nSecondary > 0) reasons.push({ code: 'secondary-categories', n: nSecondary });
  const firstHiddenValid = validIdx.find((k) => hide[k]) ?? Infinity;
  const categories = cats.map((c, k): DisclosedFreqCategory => {
    const cumPercent = !c.missing && k >= firstHiddenValid ? null : c.cumPercent;
    if (hide[k]) return hiddenCategory(c, primary[k] ? 'primary' : 'secondary');
    return {
      ...c,
      percent: hide[totalCell] ? null : c.percent,
      validPercent: hide[validCell] ? null : c.validPercent,
      cumPercent: hide[validCell] ? null : cumPercent,
    };
  });
  const any = hide.some(Boolean);
  return {
    ...freq,
    categories,
    total: hide[totalCell] ? null : freq.total,
    validTotal: hide[validCell] ? null : freq.validTotal,
    n: hide[totalCell] ? undefined : freq.n,
    validN: hide[validCell] ? undefined : freq.validN,
    rules: summary(rs, any ? 'suppressed' : 'safe', reasons, nPrimary, nSecondary),
  };
}

function blockAll(freq: FreqResult, rs: RuleSet, reasons: DisclosureMessage[]): DisclosedFreqResult {
  return {
    ...freq,
    categories: freq.categories.map((c) => hiddenCategory(c, 'primary')),
    total: null,
    validTotal: null,
    n: undefined,
    validN: undefined,
    rules: summary(rs, 'blocked', reasons, freq.categories.length, 0),
  };
}

function hiddenCategory(c: FreqCategory, suppression: 'primary' | 'secondary'): DisclosedFreqCategory {
  const nulls = { count: null, weighted: null, percent: null, validPercent: null, cumPercent: null };
  return { ...c, ...nulls, suppressed: true, suppression };
}
