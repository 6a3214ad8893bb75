import { runRegress } from '../../../shared/analysis/run-models';
import type { Code } from '../../../shared/model/dataset';
import type { RegressionResult } from '../../../shared/model/results';
import { Flags, oneData, UsageError, type ParsedArgs } from '../args';
import { loadData } from '../data-source';
import { designOption, rulesOption, weightOption } from '../options';
import { rulesLine } from '../format-tables';
import { textTable } from '../text-table';

/** `V` or `V:REF`; a numeric-looking REF is a numeric code, anything else a string code. */
export function parseCategorical(list: string[]): { variable: string; ref?: Code }[] {
  return list.map((item) => {
    const i = item.indexOf(':');
    if (i < 0) return { variable: item };
    const ref = item.slice(i + 1);
    if (!ref) throw new UsageError(`--categorical ${item}: the reference category after ":" is empty`);
    const n = Number(ref);
    return { variable: item.slice(0, i), ref: ref.trim() !== '' && Number.isFinite(n) ? n : ref };
  });
}

export function parseSe(v: string | undefined): 'classical' | 'hc1' | { cluster: string } {
  if (v === undefined || v === 'classical' || v === 'hc1') return v ?? 'classical';
  if (v.startsWith('cluster:') && v.length > 8) return { cluster: v.slice(8) };
  throw new UsageError(`--se is classical, hc1 or cluster:VAR, not "${v}"`);
}

function regressText(r: RegressionResult): string {
  const or = r.model === 'logit';
  const header = ['Term', 'B', 'SE', r.model === 'logit' ? 'z' : 't', 'p', 'CI low', 'CI high', ...(or ? ['Odds ratio'] : [])];
  const rows = r.coefficients.map((c) => [
    c.term,
    c.b.toFixed(4),
    c.se.toFixed(4),
    c.stat.toFixed(3),
    c.p < 0.0001 ? '<.0001' : c.p.toFixed(4),
    c.ciLow.toFixed(4),
    c.ciHigh.toFixed(4),
    ...(or ? [c.oddsRatio?.toFixed(4) ?? ''] : []),
  ]);
  const fit = [
    `${r.model.toUpperCase()} of ${r.dependent ?? ''}: n = ${r.n}, residual df = ${r.df}${r.excluded ? `, ${r.excluded} cases excluded (listwise)` : ''}, SE ${r.se ?? ''}`,
    r.r2 !== undefined ? `R² = ${r.r2.toFixed(4)}, adjusted R² = ${r.adjR2?.toFixed(4)}` : '',
    r.neg2LL !== undefined ? `-2 log likelihood = ${r.neg2LL.toFixed(3)}` : '',
  ].filter(Boolean);
  return [
    ...fit,
    textTable(
      header,
      rows,
      header.map((_, i) => i > 0),
    ),
    rulesLine(r.rules),
  ].join('\n');
}

export async function regressCommand(args: ParsedArgs): Promise<string> {
  const flags = new Flags(args, [
    'json',
    'dep',
    'indep',
    'categorical',
    'model',
    'panel',
    'weight',
    'weight-type',
    'strata',
    'cluster',
    'se',
    'filter',
    'rules',
    'reason',
  ]);
  const loaded = await loadData(oneData(args));
  const dataset = loaded.dataset;
  const model = flags.string('model') ?? 'ols';
  if (model !== 'ols' && model !== 'logit' && model !== 'fe') throw new UsageError(`--model is ols, logit or fe, not "${model}"`);
  const panel = flags.string('panel');
  if (model === 'fe' && !panel) throw new UsageError('--model fe needs --panel ID');
  const categorical = parseCategorical(flags.list('categorical') ?? []);
  const predictors = flags.list('indep') ?? [];
  if (predictors.length === 0 && categorical.length === 0) throw new UsageError('--indep is required');
  const result = runRegress(
    dataset,
    {
      dependent: flags.required('dep'),
      predictors,
      categorical,
      model,
      panel,
      weight: weightOption(flags, dataset),
      design: designOption(flags),
      se: parseSe(flags.string('se')),
      filter: flags.string('filter'),
    },
    await rulesOption(flags, loaded, 'regress'),
  );
  return flags.has('json') ? JSON.stringify(result) : regressText(result);
}
