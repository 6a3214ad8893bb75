/** The table builder's options in one line, shown where the options fold away once a table is set. */
import type { StringKey } from '../i18n/strings';
import type { TableSpecState } from './spec';

type T = (key: StringKey, params?: Record<string, string | number>) => string;

/** The table builder's statistics with their labels, in the order the options panel and this summary show them. */
export const STAT_LABELS: { key: keyof TableSpecState['stats']; label: StringKey }[] = [
  { key: 'colPct', label: 'tb.colPct' },
  { key: 'rowPct', label: 'tb.rowPct' },
  { key: 'totalPct', label: 'tb.totalPct' },
  { key: 'counts', label: 'tb.counts' },
  { key: 'weighted', label: 'tb.weighted' },
  { key: 'base', label: 'tb.base' },
  { key: 'effBase', label: 'tb.effBase' },
  { key: 'means', label: 'tb.means' },
];

export function optionsSummary(s: TableSpecState, t: T, num: (v: number, decimals?: number) => string): string {
  const parts: string[] = [];
  parts.push(
    s.weight ? t('tb.weightedBy', { w: s.weight.variable, type: t(s.weight.type === 'frequency' ? 'tb.frequency' : 'tb.sampling') }) : t('tb.unweighted'),
  );
  if (s.filter.trim()) parts.push(`${t('tb.filter')}: ${s.filter.trim()}`);
  const stats = STAT_LABELS.filter((x) => s.stats[x.key]).map((x) => t(x.label));
  if (stats.length) parts.push(stats.join(', '));
  if (!s.total) parts.push(t('tb.noTotal'));
  if (s.tests.letters) parts.push(`${t('tb.letters')} (${t(`tb.adjust.${s.tests.adjust}`)}, α = ${num(s.tests.alpha, 2)})`);
  if (s.tests.chi2) parts.push(t('tb.chi2'));
  if ((s.nets ?? []).length > 0) parts.push(t('tb.netsSummary', { names: (s.nets ?? []).map((n) => n.label).join(', ') }));
  if (s.sort === 'total-desc') parts.push(t('tb.sorted'));
  if (s.hideEmpty) parts.push(t('tb.hidingEmpty'));
  return parts.join(' · ');
}
