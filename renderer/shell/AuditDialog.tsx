/** The project's append-only audit log, newest first. */
import { useEffect, useState } from 'react';
import type { AuditChainReport, AuditEntry } from '../../shared/api/project';
import { invoke, toApiError, type ApiError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { ErrorBox } from '../components/ErrorBox';
import { useI18n } from '../i18n/i18n';

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

export function AuditDialog({ onClose }: { onClose(): void }) {
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [chain, setChain] = useState<AuditChainReport | null>(null);
  useEffect(() => {
    invoke('project.auditVerify', {})
      .then(setChain)
      .catch(() => setChain(null));
    invoke('project.audit', { limit: 500 })
      .then((e) => setEntries([...e].sort((a, b) => b.id - a.id)))
      .catch((e) => setError(toApiError(e)));
  }, []);
  return (
    <Dialog
      title={t('audit.title')}
      onClose={onClose}
      wide
      footer={
        <button type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      }
    >
      <ErrorBox error={error} />
      {chain && (
        <p className={chain.ok ? 'audit-chain' : 'audit-chain error-box'} role={chain.ok ? undefined : 'alert'} data-testid="audit-chain">
          {chain.ok
            ? t('audit.chainOk', { n: chain.entries, head: chain.head ?? '—' })
            : t('audit.chainBroken', { id: chain.broken?.id ?? '?', action: chain.broken?.action ?? '?' })}
        </p>
      )}
      {entries && entries.length === 0 && <p>{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <table className="simple-table audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.at).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')}</td>
                <td>{e.action}</td>
                <td className="audit-detail">{detailText(e.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
