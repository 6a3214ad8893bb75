/**
 * "Weging…": calibrate the dataset (or a wave, by filter) to population targets. Choose margin
 * variables, give targets per category (typed, pasted from Excel or StatLine, or read from a file),
 * choose method and options, compute the report, and save the weight as a new variable (role weight,
 * undoable, with its recipe). "Weging opnieuw" opens the same dialog on a stored recipe: its targets,
 * filter and name can be changed, and codes that no longer match the dataset are listed.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WeightRecipeInfo } from '../../../shared/api/weighting';
import type { WeightCodeMismatch } from '../../../shared/i18n/messages';
import type { VariableMeta } from '../../../shared/model/dataset';
import type { WeightReport } from '../../../shared/weighting/report';
import { invoke, toApiError, type ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { Progress } from '../../components/Progress';
import { VariableSelect } from '../../components/VariableSelect';
import { useI18n } from '../../i18n/i18n';
import { emptyForm, formToSpec, specToForm, type FormProblem, type WeightForm } from './form';
import { marginSum, parseTyped, rowsFor, targetsToGrid, type GridRow, type GridState } from './grid';
import { MarginEditor } from './MarginEditor';
import { TargetsFile } from './TargetsFile';
import { WeightReportView } from './WeightReportView';
import { WeightSettings } from './WeightSettings';

export interface WeightDialogProps {
  dataset: string;
  variables: VariableMeta[];
  /** Rerun one of these recipes ("Weging opnieuw"); empty for a new weighting. */
  recipes: WeightRecipeInfo[];
  onDone(name: string): void;
  onClose(): void;
}

/** The recipe to start from: one made on this dataset, else the newest (the previous wave's). */
function firstRecipe(recipes: WeightRecipeInfo[], dataset: string): WeightRecipeInfo | undefined {
  const usable = recipes.filter((r) => r.spec);
  return usable.filter((r) => r.dataset === dataset).at(-1) ?? usable.at(-1);
}

export function WeightDialog({ dataset, variables, recipes, onDone, onClose }: WeightDialogProps) {
  const { t, lang, num } = useI18n();
  const rerun = recipes.length > 0;
  const [recipe, setRecipe] = useState<WeightRecipeInfo | undefined>(() => firstRecipe(recipes, dataset));
  const start = useMemo(() => (recipe?.spec ? specToForm(recipe.spec, variables, lang) : null), [recipe, variables, lang]);
  const [grid, setGridState] = useState<GridState>(start?.grid ?? { margins: [], total: '' });
  const [form, setFormState] = useState<WeightForm>(start?.form ?? emptyForm);
  const [report, setReport] = useState<WeightReport | null>(null);
  const [stale, setStale] = useState(false);
  const [mismatches, setMismatches] = useState<WeightCodeMismatch[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [replace, setReplace] = useState(false);
  const [loadedFrom, setLoadedFrom] = useState<string | null>(null);
  const outcome = useRef<HTMLDivElement>(null);

  // The answer to "Berekenen" is below the form: bring it into view.
  useEffect(() => {
    if (report || error || mismatches.length || problem) outcome.current?.scrollIntoView({ block: 'start' });
  }, [report, error, mismatches, problem]);

  const changed = () => {
    if (report) setStale(true);
    setProblem(null);
  };
  const setGrid = (g: GridState) => {
    setGridState(g);
    changed();
  };
  const setForm = (f: WeightForm) => {
    setFormState(f);
    changed();
  };

  const chooseRecipe = (id: number) => {
    const r = recipes.find((x) => x.id === id);
    if (!r?.spec) return;
    const s = specToForm(r.spec, variables, lang);
    setRecipe(r);
    setGridState(s.grid);
    setFormState(s.form);
    setReport(null);
    setMismatches([]);
  };

  const used = new Set(grid.margins.map((m) => m.variable.toLowerCase()));
  const candidates = variables.filter(
    (v) => (v.measure !== 'scale' || v.type === 'string') && v.role !== 'id' && v.role !== 'key' && !used.has(v.name.toLowerCase()),
  );

  const addMargin = async (name: string) => {
    const meta = variables.find((v) => v.name === name);
    if (!meta) return;
    let rows: GridRow[] = rowsFor(meta);
    if (rows.length === 0) {
      // No value labels: the codes that occur, as a frequency table lists them.
      try {
        const f = await invoke('analysis.freq', { dataset, variable: name });
        rows = f.categories.filter((c) => !c.missing).map((c) => ({ code: String(c.code), label: '', target: '' }));
      } catch (e) {
        setError(toApiError(e));
      }
    }
    setGrid({ ...grid, margins: [...grid.margins, { variable: meta.name, rows }] });
  };

  // With a total, a margin summing to 1 holds shares of it (as the engine reads it).
  const total = grid.total.trim() ? parseTyped(grid.total, lang) : NaN;
  const sums = grid.margins
    .map((m) => marginSum(m, lang))
    .filter((s) => s > 0)
    .map((s) => (total > 0 && Math.abs(s - 1) < 1e-9 ? total : s));
  const reference = total > 0 ? total : sums[0];
  const sumsDiffer = !form.scale && sums.some((s) => Math.abs(s - reference) > 1e-9 * reference);
  const exists = variables.find((v) => v.name.toLowerCase() === form.name.trim().toLowerCase());

  const run = async (apply: boolean) => {
    const built = formToSpec(grid, form, lang);
    if ('problem' in built) return setProblem(built.problem);
    setPending(true);
    setError(null);
    try {
      const { spec } = built;
      if (rerun && recipe) {
        const r = await invoke('weighting.rerun', {
          recipe: recipe.id,
          dataset,
          targets: spec.targets,
          name: spec.name,
          filter: spec.filter ?? '',
          apply,
          replace,
          lang,
        });
        setMismatches(r.mismatches);
        setReport(r.report);
        if (apply && r.variable) onDone(r.variable.name);
      } else if (apply) {
        const r = await invoke('weighting.apply', { dataset, spec, replace, lang });
        onDone(r.variable.name);
      } else {
        setMismatches([]);
        setReport(await invoke('weighting.preview', { dataset, spec }));
      }
      setStale(false);
    } catch (e) {
      setError(toApiError(e));
      if (!apply) setReport(null);
    } finally {
      setPending(false);
    }
  };

  const canSave = !!report && !stale && !pending && mismatches.length === 0 && (!exists || replace);
  const footer = (
    <>
      <button type="button" onClick={onClose}>
        {t('app.cancel')}
      </button>
      <button type="button" onClick={() => void run(false)} disabled={pending} data-testid="wt-preview">
        {t('wt.preview')}
      </button>
      <button type="button" className="primary" onClick={() => void run(true)} disabled={!canSave} data-testid="wt-save">
        {t('wt.save')}
      </button>
    </>
  );

  return (
    <Dialog title={rerun ? t('wt.titleRerun') : t('wt.title')} onClose={() => !pending && onClose()} wide footer={footer}>
      <div className="weight-dialog" data-testid="weight-dialog">
        {rerun && (
          <div className="weight-recipe">
            <label className="field">
              {t('wt.recipe')}
              <select value={recipe?.id ?? ''} onChange={(e) => chooseRecipe(Number(e.target.value))} data-testid="wt-recipe">
                {recipes
                  .filter((r) => r.spec)
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      {t('wt.recipeOption', { name: r.variable, dataset: r.dataset, date: r.createdAt.slice(0, 10) })}
                    </option>
                  ))}
              </select>
            </label>
            <p className="muted">{t('wt.recipeNote')}</p>
          </div>
        )}
        <div className="weight-columns">
          <section className="weight-targets" aria-label={t('wt.margins')}>
            <h3 className="sub-head">{t('wt.margins')}</h3>
            <TargetsFile
              onLoaded={(targets, path) => {
                setGrid(targetsToGrid(targets, variables, lang));
                setLoadedFrom(path);
              }}
            />
            {loadedFrom && <p className="muted">{t('wt.loaded', { file: loadedFrom })}</p>}
            <p className="muted">{t('wt.pasteHint')}</p>
            {grid.margins.map((m, k) => (
              <MarginEditor
                key={m.variable}
                margin={m}
                meta={variables.find((v) => v.name === m.variable)}
                onChange={(rows) => setGrid({ ...grid, margins: grid.margins.map((x, j) => (j === k ? { ...x, rows } : x)) })}
                onRemove={() => setGrid({ ...grid, margins: grid.margins.filter((_, j) => j !== k) })}
              />
            ))}
            {grid.cells?.length ? (
              <p>
                {t('wt.cells', {
                  n: num(grid.cells.length),
                  variables: Object.keys(grid.cells[0])
                    .filter((k) => k !== 'target')
                    .join(' × '),
                })}
              </p>
            ) : null}
            <label className="field">
              {t('wt.addMargin')}
              <VariableSelect variables={candidates} value="" onChange={(v) => void addMargin(v)} emptyLabel={t('reg.choose')} testId="wt-add-margin" />
            </label>
            <label className="field">
              {t('wt.total')}
              <input
                value={grid.total}
                inputMode="decimal"
                onChange={(e) => setGrid({ ...grid, total: e.target.value })}
                data-testid="wt-total"
                className="code-input"
              />
              <span className="muted">{t('wt.totalHelp')}</span>
            </label>
            {sumsDiffer && <p className="field-error">{t('wt.sumsDiffer')}</p>}
          </section>
          <section className="weight-options" aria-label={t('wt.settings')}>
            <h3 className="sub-head">{t('wt.settings')}</h3>
            <WeightSettings form={form} onChange={setForm} variables={variables} fromRecipe={rerun} />
            {exists && (
              <label className="check">
                <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="wt-replace" />
                {t('wt.replace', { name: exists.name })}
              </label>
            )}
          </section>
        </div>
        <div ref={outcome} className="weight-outcome">
          {problem && (
            <p className="field-error" role="alert" data-testid="wt-problem">
              {t(problem.key, problem.params)}
            </p>
          )}
          {pending && <Progress label={t('wt.running')} />}
          <ErrorBox error={error} />
          {mismatches.length > 0 && (
            <div className="error-box" role="alert" data-testid="wt-mismatches">
              <strong>{t('wt.mismatch')}</strong>
              <ul>
                {mismatches.flatMap((m) => [
                  ...(m.notInData.length
                    ? [<li key={`${m.variable}-d`}>{t('wt.notInData', { variable: m.variable, codes: m.notInData.join(', ') })}</li>]
                    : []),
                  ...(m.notInTargets.length
                    ? [<li key={`${m.variable}-t`}>{t('wt.notInTargets', { variable: m.variable, codes: m.notInTargets.join(', ') })}</li>]
                    : []),
                ])}
              </ul>
            </div>
          )}
          {stale && <p className="muted">{t('wt.stale')}</p>}
          {report && <WeightReportView report={report} />}
        </div>
      </div>
    </Dialog>
  );
}
