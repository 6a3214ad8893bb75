/** The output rules' verdict on a result (safe, n cells suppressed, blocked, released), with the reasons as its tooltip. */
import type { DisclosureSummary } from '../../shared/model/results';
import { useI18n } from '../i18n/i18n';

function statusText(rules: DisclosureSummary, n: number, t: ReturnType<typeof useI18n>['t']): string {
  switch (rules.status) {
    case 'safe':
      return t('tb.status.safe');
    case 'blocked':
      return t('tb.status.blocked');
    case 'suppressed':
      return t('tb.status.suppressed', { n });
    case 'unchecked':
      return t('tb.status.unchecked');
  }
}

export function DisclosureBadge({ rules }: { rules: DisclosureSummary }) {
  const { t, reasons } = useI18n();
  const n = rules.primary + rules.secondary;
  const status = statusText(rules, n, t);
  const released = (rules.overrides ?? []).reduce((s, o) => s + o.cells.length, 0);
  const text = released > 0 ? `${status} · ${t('ov.badge', { n: released })}` : status;
  return (
    <span
      className={`badge badge-${rules.status}`}
      title={[t('tb.ruleSet', { name: rules.ruleSet }), ...reasons(rules)].join('\n')}
      data-testid="disclosure-badge"
    >
      {text}
    </span>
  );
}
