/**
 * "Meervoudige antwoorden…": the dataset's multiple-response sets, defined and edited here. A set is
 * checked as it is typed (shared/model/mr-set.ts); saving and deleting are one undoable step each in
 * the project (with its audit entry and a recipe for the next wave). Everything works from the
 * keyboard: the list and the member picker are ordinary buttons and checkboxes.
 */
import { useMemo, useState } from 'react';
import type { VariableMeta } from '../../shared/model/dataset';
import type { MrSetIssue, MultipleResponseSet } from '../../shared/model/mr-set';
import { invoke, toApiError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { RadioGroup } from '../components/RadioGroup';
import { useI18n } from '../i18n/i18n';
import { emptyForm, formOf, moveMember, setOfForm, type MrSetForm } from './mr-set-form';

export interface MrSetsDialogProps {
  dataset: string;
  variables: VariableMeta[];
  sets: MultipleResponseSet[];
  onChanged(message: string): Promise<void> | void;
  onClose(): void;
}

export function MrSetsDialog({ dataset, variables, sets, onChanged, onClose }: MrSetsDialogProps) {
  const { t } = useI18n();
  /** Name of the set being edited, or null for a new one. */
  const [editing, setEditing] = useState<string | null>(sets[0]?.name ?? null);
  const [form, setForm] = useState<MrSetForm>(sets[0] ? formOf(sets[0]) : emptyForm());
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const others = sets.filter((s) => s.name !== editing);
  const outcome = useMemo(() => setOfForm(form, variables, others), [form, variables, others]);
  const issueText = (i: MrSetIssue) => {
    switch (i.code) {
      case 'unknown-member':
        return t('mr.issue.unknown-member', { variable: i.variable });
      case 'mixed-types':
        return t('mr.issue.mixed-types');
      case 'counted-type':
        return t(i.expected === 'numeric' ? 'mr.issue.counted-number' : 'mr.issue.counted-text');
      case 'counted-missing':
        return t('mr.issue.counted-missing', { variable: i.variable });
      case 'counted-never-labelled':
        return t('mr.issue.counted-never-labelled', { variables: i.variables.join(', ') });
      case 'labels-differ':
        return t('mr.issue.labels-differ', { variable: i.variable, other: i.other, value: i.value });
      case 'name-taken':
        return t('mr.issue.name-taken', { name: i.name });
    }
  };
  const errors = 'problem' in outcome ? [t(`mr.problem.${outcome.problem}`)] : outcome.check.errors.map(issueText);
  const warnings = 'check' in outcome ? outcome.check.warnings.map(issueText) : [];

  const open = (set: MultipleResponseSet | null) => {
    setEditing(set?.name ?? null);
    setForm(set ? formOf(set) : emptyForm());
    setError(null);
  };
  const patch = (p: Partial<MrSetForm>) => setForm((f) => ({ ...f, ...p }));
  const toggle = (name: string, on: boolean) => patch({ members: on ? [...form.members, name] : form.members.filter((m) => m !== name) });

  const candidates = useMemo(() => {
    const q = query.trim().toLowerCase();
    return variables.filter((v) => v.role !== 'id' && v.role !== 'key' && (!q || v.name.toLowerCase().includes(q) || v.label.toLowerCase().includes(q)));
  }, [variables, query]);
  const labelOf = (name: string) => variables.find((v) => v.name === name)?.label || name;

  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      await onChanged(await what());
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run(async () => {
      if (!('set' in outcome) || outcome.check.errors.length > 0) throw new Error(errors.join(' '));
      const saved = await invoke('mrset.save', { dataset, set: outcome.set, replaces: editing ?? undefined });
      setEditing(saved.set.name);
      setForm(formOf(saved.set));
      return t(editing ? 'mr.updated' : 'mr.defined', { name: saved.set.name });
    });
  const remove = () =>
    run(async () => {
      if (!editing) return '';
      await invoke('mrset.delete', { dataset, name: editing });
      const rest = sets.filter((s) => s.name !== editing);
      open(rest[0] ?? null);
      return t('mr.deleted', { name: editing });
    });

  return (
    <Dialog
      title={t('mr.title')}
      onClose={onClose}
      wide
      footer={
        <>
          {editing && (
            <button type="button" className="danger" onClick={() => void remove()} disabled={busy} data-testid="mr-delete">
              {t('mr.delete')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('app.close')}
          </button>
          <button type="button" className="primary" onClick={() => void save()} disabled={busy || errors.length > 0} data-testid="mr-save">
            {t('app.save')}
          </button>
        </>
      }
    >
      <div className="mr-layout">
        <nav className="mr-list" aria-label={t('mr.sets')}>
          <h3 className="sub-head">{t('mr.sets')}</h3>
          <ul>
            {sets.map((s) => (
              <li key={s.name}>
                <button
                  type="button"
                  className={s.name === editing ? 'mr-set current' : 'mr-set'}
                  aria-current={s.name === editing}
                  onClick={() => open(s)}
                  data-testid={`mr-open-${s.name}`}
                >
                  <span className="mr-set-name">{s.name}</span>
                  <span className="mr-set-meta">
                    {t(`mr.kind.${s.type}`)} · {t('mr.nMembers', { n: s.variables.length })}
                  </span>
                </button>
              </li>
            ))}
            {sets.length === 0 && <li className="muted">{t('mr.none')}</li>}
          </ul>
          <button type="button" onClick={() => open(null)} data-testid="mr-new">
            {t('mr.new')}
          </button>
        </nav>
        <div className="mr-editor">
          <div className="form-grid">
            <label>
              {t('mr.name')}
              <input value={form.name} onChange={(e) => patch({ name: e.target.value })} data-testid="mr-name" aria-describedby="mr-name-hint" />
              <span id="mr-name-hint" className="hint">
                {t('mr.nameHint')}
              </span>
            </label>
            <label className="span-2">
              {t('mr.label')}
              <input value={form.label} onChange={(e) => patch({ label: e.target.value })} data-testid="mr-label" />
            </label>
          </div>
          <RadioGroup
            legend={t('mr.kind')}
            name="mr-kind"
            options={[
              { value: 'dichotomies', label: t('mr.kind.dichotomies.long') },
              { value: 'categories', label: t('mr.kind.categories.long') },
            ]}
            value={form.kind}
            onChange={(kind) => patch({ kind })}
          >
            {form.kind === 'dichotomies' && (
              <label className="inline-field">
                {t('mr.counted')}
                <input className="code-input" value={form.counted} onChange={(e) => patch({ counted: e.target.value })} data-testid="mr-counted" />
              </label>
            )}
          </RadioGroup>
          <div className="mr-members">
            <fieldset className="mr-pick">
              <legend>{t('mr.variables')}</legend>
              <input
                type="search"
                placeholder={t('tb.search')}
                aria-label={t('tb.search')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                data-testid="mr-search"
              />
              <div className="mr-pick-list">
                {candidates.map((v) => (
                  <label className="check" key={v.name}>
                    <input
                      type="checkbox"
                      checked={form.members.includes(v.name)}
                      onChange={(e) => toggle(v.name, e.target.checked)}
                      data-testid={`mr-pick-${v.name}`}
                    />
                    <span className="mr-var-name">{v.name}</span> <span className="muted">{v.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset className="mr-chosen">
              <legend>{t('mr.members', { n: form.members.length })}</legend>
              <ol data-testid="mr-members">
                {form.members.map((m, i) => (
                  <li key={m}>
                    <span className="mr-var-name">{m}</span> <span className="muted">{labelOf(m)}</span>
                    <span className="mr-member-actions">
                      <button
                        type="button"
                        aria-label={t('mr.up', { name: m })}
                        disabled={i === 0}
                        onClick={() => patch({ members: moveMember(form.members, i, -1) })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        aria-label={t('mr.down', { name: m })}
                        disabled={i === form.members.length - 1}
                        onClick={() => patch({ members: moveMember(form.members, i, 1) })}
                      >
                        ↓
                      </button>
                      <button type="button" aria-label={t('mr.removeMember', { name: m })} onClick={() => toggle(m, false)}>
                        ×
                      </button>
                    </span>
                  </li>
                ))}
              </ol>
            </fieldset>
          </div>
          <div aria-live="polite" data-testid="mr-check">
            {errors.map((e) => (
              <p className="field-error" key={e}>
                {e}
              </p>
            ))}
            {warnings.map((w) => (
              <p className="field-warning" key={w}>
                {w}
              </p>
            ))}
          </div>
          {error && (
            <p className="field-error" role="alert" data-testid="mr-error">
              {error}
            </p>
          )}
        </div>
      </div>
    </Dialog>
  );
}
