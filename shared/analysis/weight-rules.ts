/**
 * The output rules on a weighting report. Its `sample` column is a frequency table of each margin
 * variable among the weighted cases (the report's `n` its total), and `base` (the base weights scaled
 * to the population) gives the same counts away when base weights are equal. So each margin goes
 * through the frequency rules (shared/disclosure/apply/freq.ts) — small counts suppressed, a second
 * category where one would follow from the total, and differencing against the same margins without
 * the filter and without each of its conditions — and a suppressed category loses `sample` and `base`.
 * Targets are the user's own population figures and `achieved` equals them; both stay.
 */
import { applyRulesToFreq, type RuleSet } from '../disclosure/index';
import { reasonMessages } from '../i18n/messages';
import type { DisclosureMessage } from '../i18n/message-types';
import type { DisclosureSummary, FreqResult } from '../model/results';
import { marginSampleCounts, type RunOptions, type WeightReport, type WeightSpec, type WeightSpecInput } from '../weighting/index';
import type { Dataset } from '../model/dataset';
import { summary } from '../disclosure/primary/result-checks';
import { referenceMasks } from './filter';

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** One margin's sample counts as a frequency table (no missing categories: the run left those cases out). */
function marginFreq(variable: string, codes: WeightReport['margins'][number]['categories'], counts: readonly number[]): FreqResult {
  const total = sum(counts);
  return {
    variable,
    weight: null,
    categories: codes.map((c, j) => ({
      code: c.code,
      label: c.label,
      count: counts[j],
      weighted: counts[j],
      percent: total > 0 ? (100 * counts[j]) / total : null,
      validPercent: total > 0 ? (100 * counts[j]) / total : null,
      cumPercent: null,
      missing: false,
    })),
    total,
    validTotal: total,
  };
}

export function applyRulesToWeightReport(
  ds: Dataset,
  spec: WeightSpec | WeightSpecInput,
  report: WeightReport,
  rs: RuleSet,
  opts: RunOptions = {},
): WeightReport {
  if (rs.name === 'none') return { ...report, rules: summary(rs, 'safe') };
  const refs = referenceMasks(ds, spec.filter).map((mask) => marginSampleCounts(ds, spec, mask, opts));
  const verdicts: DisclosureSummary[] = [];
  const margins = report.margins.map((m, k) => {
    const own = m.categories.map((c) => c.sample ?? 0);
    const references = refs.map((r) => ({ table: marginFreq(m.variable, m.categories, r[k]), source: 'filter' as const }));
    const ruled = applyRulesToFreq(marginFreq(m.variable, m.categories, own), rs, { references });
    verdicts.push(ruled.rules);
    return {
      ...m,
      categories: m.categories.map((c, j) => (ruled.categories[j].count === null ? { ...c, sample: null, base: null } : c)),
    };
  });
  const status = verdicts.some((v) => v.status === 'blocked') ? 'blocked' : verdicts.some((v) => v.status !== 'safe') ? 'suppressed' : 'safe';
  const messages: DisclosureMessage[] = verdicts.flatMap((v, k) => reasonMessages(v).map((msg) => ({ ...msg, scope: report.margins[k].variable })));
  // With the targets public, the spread of the weights is a function of the sample counts (one margin:
  // each category's weight is its target over its count), so it goes when any count goes.
  const hidden = margins.some((m) => m.categories.some((c) => c.sample === null));
  if (hidden) messages.push({ code: 'weight-summary-withheld' });
  const summaryOut = hidden ? { ...report.summary, min: null, max: null, cv: null, kishDeff: null, effectiveN: null } : report.summary;
  return {
    ...report,
    summary: summaryOut,
    margins,
    rules: summary(rs, status, messages, sum(verdicts.map((v) => v.primary)), sum(verdicts.map((v) => v.secondary))),
  };
}
