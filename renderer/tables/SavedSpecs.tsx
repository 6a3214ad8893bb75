/**
 * Saving the table being built in the project (name + folder), and reopening, duplicating or deleting
 * saved tables. Opening on another dataset matches variables by name and reports what is missing.
 */
import { useState } from 'react';
import type { SavedSpecInfo } from '../../shared/api/specs';
import { invoke, toApiError } from '../api/client';
import { useNotice } from '../state/notice';
import { useSessionState } from '../state/useSessionState';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n/i18n';
import { reviveSpec, type TableSpecState } from './spec';

interface Current {
  id: number | null;
  name: string;
  folder: string;
}

export interface SavedSpecsProps {
  spec: TableSpecState;
  variableNames: string[];
  onOpen(spec: TableSpecState): void;
}

export function SavedSpecs({ spec, variableNames, onOpen }: SavedSpecsProps) {
  const { t, lang } = useI18n();
  const { notify } = useNotice();
  const [current, setCurrent] = useSessionState<Current>('duiding.table.current', { id: null, name: '', folder: '' });
  const [list, setList] = useState<SavedSpecInfo[] | null>(null);

  const save = async (asNew: boolean) => {
    if (!current.name.trim()) return notify(t('sp.needName'), 'error');
    try {
      const saved = await invoke('spec.save', {
        ...(current.id !== null && !asNew ? { id: current.id } : {}),
        kind: 'table',
        name: current.name.trim(),
        folder: current.folder.trim(),
        body: { ...spec },
      });
      setCurrent({ id: saved.id, name: saved.name, folder: saved.folder });
      notify(t('sp.saved', { name: saved.name }));
    } catch (e) {
      notify(toApiError(e).message, 'error');
    }
  };

  const showList = async () => {
    try {
      setList(await invoke('spec.list', { kind: 'table' }));
    } catch (e) {
      notify(toApiError(e).message, 'error');
    }
  };

  const open = (s: SavedSpecInfo, copy: boolean) => {
    const { spec: revived, missing } = reviveSpec(s.body, variableNames);
    onOpen(revived);
    setCurrent(copy ? { id: null, name: t('sp.copy', { name: s.name }), folder: s.folder } : { id: s.id, name: s.name, folder: s.folder });
    setList(null);
    if (missing.length > 0) notify(t('sp.missing', { names: missing.join(', ') }), 'error');
    else notify(t('sp.opened', { name: s.name }));
  };

  const remove = async (s: SavedSpecInfo) => {
    try {
      await invoke('spec.delete', { id: s.id });
      if (current.id === s.id) setCurrent({ ...current, id: null });
      await showList();
    } catch (e) {
      notify(toApiError(e).message, 'error');
    }
  };

  return (
    <div className="spec-bar">
      <input
        aria-label={t('sp.name')}
        placeholder={t('sp.name')}
        value={current.name}
        onChange={(e) => setCurrent({ ...current, name: e.target.value })}
        data-testid="sp-name"
      />
      <input
        className="folder-input"
        aria-label={t('sp.folder')}
        placeholder={t('sp.folder')}
        value={current.folder}
        onChange={(e) => setCurrent({ ...current, folder: e.target.value })}
      />
      <button type="button" onClick={() => void save(false)} data-testid="sp-save">
        {t('sp.save')}
      </button>
      {current.id !== null && (
        <button type="button" onClick={() => void save(true)}>
          {t('sp.saveAs')}
        </button>
      )}
      <button type="button" onClick={() => void showList()} data-testid="sp-open">
        {t('sp.open')}
      </button>
      {list && (
        <Dialog
          title={t('sp.title')}
          onClose={() => setList(null)}
          wide
          footer={
            <button type="button" onClick={() => setList(null)}>
              {t('app.close')}
            </button>
          }
        >
          {list.length === 0 && <p>{t('sp.empty')}</p>}
          {list.length > 0 && (
            <table className="simple-table" data-testid="sp-list">
              <thead>
                <tr>
                  <th scope="col">{t('sp.folder')}</th>
                  <th scope="col">{t('sp.name')}</th>
                  <th scope="col">{t('sp.updated')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.id} data-spec={s.name}>
                    <td>{s.folder}</td>
                    <td>{s.name}</td>
                    <td>{new Date(s.updatedAt).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')}</td>
                    <td className="row-actions">
                      <button type="button" className="primary" onClick={() => open(s, false)}>
                        {t('sp.openOne')}
                      </button>
                      <button type="button" onClick={() => open(s, true)}>
                        {t('sp.duplicate')}
                      </button>
                      <button type="button" onClick={() => void remove(s)}>
                        {t('sp.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Dialog>
      )}
    </div>
  );
}
