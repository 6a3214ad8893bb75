/** The book's main choices in one line under its name: weighting, waves, filter, rules. */
import type { BookSpec } from '../../shared/book/book';
import type { VariableMeta } from '../../shared/model/dataset';
import type { StringKey } from '../i18n/strings';
import { ruleSetLabel } from './rule-names';

type T = (key: StringKey, params?: Record<string, string | number>) => string;

export function bookSummary(spec: BookSpec, variables: VariableMeta[], t: T, projectRules: string | null): string {
  const find = (name: string) => variables.find((v) => v.name.toLowerCase() === name.toLowerCase());
  const parts: string[] = [];
  parts.push(
    spec.weight
      ? t('tb.weightedBy', { w: spec.weight.variable, type: t(spec.weight.type === 'frequency' ? 'tb.frequency' : 'tb.sampling') })
      : t('tb.unweighted'),
  );
  const cmp = spec.comparison;
  if (cmp) {
    const labels = find(cmp.variable)?.valueLabels ?? {};
    const wave = (c: string | number) => labels[String(c)] ?? String(c);
    parts.push(spec.trend?.enabled ? t('bk.sumWaves', { current: wave(cmp.current), previous: wave(cmp.previous) }) : wave(cmp.current));
  }
  if (spec.filter) parts.push(`${t('tb.filter')}: ${spec.filter}`);
  const rules = spec.ruleSet ?? projectRules;
  if (rules) parts.push(t('bk.rulesUsed', { name: ruleSetLabel(t, rules) }));
  return parts.join(' · ');
}
