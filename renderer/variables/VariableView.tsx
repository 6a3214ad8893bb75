/**
 * The variable view: one row per variable with its metadata, edited in place. Every edit is one
 * `variable.update` call (persisted, audited and undoable by the backend); the view then refetches.
 */
import { useEffect, useMemo, useState } from 'react';
import type { WeightRecipeInfo } from '../../shared/api/weighting';
import type { Measure, Role, VariableMeta } from '../../shared/model/dataset';
import { variablePatch, type VariablePatch } from '../../shared/api/project';
import { invoke, toApiError } from '../api/client';
import { useProject } from '../state/project-context';
import { useNotice } from '../state/notice';
import { EditableText } from '../components/EditableText';
import { useI18n } from '../i18n/i18n';
import { ValueLabelsDialog } from './ValueLabelsDialog';
import { MissingDialog } from './MissingDialog';
import { missingSummary, valueLabelSummary } from './summaries';
import { MeasureIcon } from '../components/MeasureIcon';
import { RecodeDialog } from './RecodeDialog';
import { ComputeDialog } from './ComputeDialog';
import { MrSetsDialog } from './MrSetsDialog';
import { WeightDialog } from './weighting/WeightDialog';
import { SaveSavDialog } from './SaveSavDialog';

const MEASURES: Measure[] = ['nominal', 'ordinal', 'scale'];
const ROLES: Role[] = ['input', 'weight', 'id', 'key', 'none'];

type DialogState = { kind: 'labels' | 'missing'; meta: VariableMeta } | { kind: 'recode' | 'compute' | 'mrsets' | 'weight' | 'reweight' | 'saveSav' } | null;

export function VariableView() {
  const { t, num } = useI18n();
  const { dataset, info, refresh, version } = useProject();
  const { notify } = useNotice();
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<DialogState>(null);
  const [recipes, setRecipes] = useState<WeightRecipeInfo[]>([]);

  // Weight recipes of the project (any dataset: the previous wave's recipe reruns on this one).
  useEffect(() => {
    let live = true;
    invoke('weighting.recipes', {}).then(
      (r) => live && setRecipes(r.filter((x) => x.spec)),
      () => live && setRecipes([]),
    );
    return () => {
      live = false;
    };
  }, [version]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const vars = info?.variables ?? [];
    return q ? vars.filter((v) => v.name.toLowerCase().includes(q) || v.label.toLowerCase().includes(q)) : vars;
  }, [info, query]);

  const update = async (meta: VariableMeta, patch: VariablePatch) => {
    if (!dataset) return;
    try {
      const updated = await invoke('variable.update', { dataset, variable: meta.name, patch });
      notify(t('var.saved', { name: updated.name }));
      await refresh();
    } catch (e) {
      notify(toApiError(e).message, 'error');
      throw e;
    }
  };

  const deriveProps = (ds: string) => ({
    dataset: ds,
    variables: info?.variables ?? [],
    onClose: () => setDialog(null),
    onDone: (name: string) => {
      setDialog(null);
      notify(t('rc.done', { name }));
      void refresh();
    },
  });

  const setsOf = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const s of info?.mrSets ?? []) for (const v of s.variables) out.set(v, [...(out.get(v) ?? []), s.name]);
    return out;
  }, [info]);

  const validateName = (name: string): string | null => {
    const r = variablePatch.shape.name.safeParse(name);
    if (!r.success) return r.error.issues[0]?.message ?? 'ongeldige naam';
    return null;
  };

  return (
    <section className="variable-view">
      <div className="toolbar">
        <label>
          {t('var.filter')} <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="var-search" />
        </label>
        <button type="button" onClick={() => setDialog({ kind: 'recode' })} data-testid="open-recode">
          {t('rc.recode')}
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'compute' })} data-testid="open-compute">
          {t('rc.compute')}
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'mrsets' })} data-testid="open-mrsets">
          {t('mr.open')}
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'weight' })} data-testid="open-weight">
          {t('wt.open')}
        </button>
        {recipes.length > 0 && (
          <button type="button" onClick={() => setDialog({ kind: 'reweight' })} data-testid="open-reweight">
            {t('wt.rerun')}
          </button>
        )}
        <button type="button" onClick={() => setDialog({ kind: 'saveSav' })} disabled={!info} data-testid="open-save-sav">
          {t('sv.open')}
        </button>
      </div>
      <div className="table-scroll">
        <table className="simple-table var-table" data-testid="var-table">
          <thead>
            <tr>
              <th scope="col">{t('var.name')}</th>
              <th scope="col">{t('var.label')}</th>
              <th scope="col">{t('var.type')}</th>
              <th scope="col">{t('var.measure')}</th>
              <th scope="col">{t('var.valueLabels')}</th>
              <th scope="col">{t('var.missing')}</th>
              <th scope="col">{t('var.role')}</th>
              <th scope="col">{t('var.folder')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((v) => (
              <tr key={v.name} data-var={v.name}>
                <td>
                  <div className="name-cell">
                    <EditableText
                      value={v.name}
                      label={`${t('var.name')} ${v.name}`}
                      validate={validateName}
                      onCommit={(name) => update(v, { name })}
                      className="name-input"
                      testId={`name-${v.name}`}
                    />
                    {v.derivedFrom && (
                      <span className="derived-badge" title={v.derivedFrom}>
                        {t('rc.derived')}
                      </span>
                    )}
                    {setsOf.get(v.name)?.map((set) => (
                      <span key={set} className="set-badge" title={t('mr.inSets', { names: set })}>
                        {set}
                      </span>
                    ))}
                  </div>
                </td>
                <td>
                  <EditableText
                    value={v.label}
                    label={`${t('var.label')} ${v.name}`}
                    onCommit={(label) => update(v, { label })}
                    className="label-input"
                    testId={`label-${v.name}`}
                  />
                </td>
                <td>{t(v.type === 'numeric' ? 'var.numeric' : 'var.string')}</td>
                <td>
                  <span className="measure-cell">
                    <MeasureIcon measure={v.measure} />
                    <select
                      value={v.measure}
                      aria-label={`${t('var.measure')} ${v.name}`}
                      onChange={(e) => void update(v, { measure: e.target.value as Measure }).catch(() => undefined)}
                    >
                      {MEASURES.map((m) => (
                        <option key={m} value={m}>
                          {t(`var.${m}`)}
                        </option>
                      ))}
                    </select>
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    className="summary-button"
                    onClick={() => setDialog({ kind: 'labels', meta: v })}
                    aria-label={`${t('var.valueLabels')} ${v.name}: ${t('var.edit')}`}
                  >
                    {valueLabelSummary(v) || <span className="muted">{t('var.none')}</span>}
                  </button>
                </td>
                <td>
                  <button
                    type="button"
                    className="summary-button"
                    onClick={() => setDialog({ kind: 'missing', meta: v })}
                    aria-label={`${t('var.missing')} ${v.name}: ${t('var.edit')}`}
                  >
                    {missingSummary(v.missing, (x) => num(x, Number.isInteger(x) ? 0 : 2)) || <span className="muted">{t('var.none')}</span>}
                  </button>
                </td>
                <td>
                  <select
                    value={v.role}
                    aria-label={`${t('var.role')} ${v.name}`}
                    onChange={(e) => void update(v, { role: e.target.value as Role }).catch(() => undefined)}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`var.role.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <EditableText
                    value={v.folder ?? ''}
                    label={`${t('var.folder')} ${v.name}`}
                    onCommit={(folder) => update(v, { folder: folder.trim() })}
                    className="folder-input"
                    testId={`folder-${v.name}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dialog?.kind === 'labels' && (
        <ValueLabelsDialog
          meta={dialog.meta}
          onClose={() => setDialog(null)}
          onSave={(valueLabels) =>
            void update(dialog.meta, { valueLabels }).then(
              () => setDialog(null),
              () => undefined,
            )
          }
        />
      )}
      {dialog?.kind === 'recode' && dataset && <RecodeDialog {...deriveProps(dataset)} />}
      {dialog?.kind === 'saveSav' && info && (
        <SaveSavDialog
          info={info}
          onClose={() => setDialog(null)}
          onSaved={(message) => {
            setDialog(null);
            notify(message);
          }}
        />
      )}
      {dialog?.kind === 'compute' && dataset && <ComputeDialog {...deriveProps(dataset)} />}
      {dialog?.kind === 'mrsets' && dataset && (
        <MrSetsDialog
          dataset={dataset}
          variables={info?.variables ?? []}
          sets={info?.mrSets ?? []}
          onClose={() => setDialog(null)}
          onChanged={async (message) => {
            notify(message);
            await refresh();
          }}
        />
      )}
      {(dialog?.kind === 'weight' || dialog?.kind === 'reweight') && dataset && (
        <WeightDialog
          dataset={dataset}
          variables={info?.variables ?? []}
          recipes={dialog.kind === 'reweight' ? recipes : []}
          onClose={() => setDialog(null)}
          onDone={(name) => {
            setDialog(null);
            notify(t('wt.saved', { name }));
            void refresh();
          }}
        />
      )}
      {dialog?.kind === 'missing' && (
        <MissingDialog
          meta={dialog.meta}
          onClose={() => setDialog(null)}
          onSave={(missing) =>
            void update(dialog.meta, { missing }).then(
              () => setDialog(null),
              () => undefined,
            )
          }
        />
      )}
    </section>
  );
}
