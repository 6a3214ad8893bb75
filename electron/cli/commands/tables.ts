/** `duiding freq` and `duiding crosstab` (with `--layers`): the tables route of shared/analysis. */
import { runLayeredCrosstabs } from '../../../shared/analysis/run-layers';
import { runCrosstabs, runFreq } from '../../../shared/analysis/run-tables';
import type { ParsedArgs } from '../args';
import { Flags, UsageError, oneData } from '../args';
import { loadData } from '../data-source';
import { crosstabText, freqText } from '../format-tables';
import { layeredText } from '../format-layers';
import { MRSET_FLAGS, withMrSetOptions } from '../mrset-options';
import { designOption, rulesOption, weightOption } from '../options';

const json = (v: unknown) => JSON.stringify(v);

export async function freqCommand(args: ParsedArgs): Promise<string> {
  const flags = new Flags(args, ['json', 'var', 'weight', 'weight-type', 'filter', 'rules', 'reason']);
  const loaded = await loadData(oneData(args));
  const dataset = loaded.dataset;
  const result = runFreq(
    dataset,
    { variable: flags.required('var'), weight: weightOption(flags, dataset), filter: flags.string('filter') },
    await rulesOption(flags, loaded, 'freq'),
  );
  return flags.has('json') ? json(result) : freqText(result);
}

export async function crosstabCommand(args: ParsedArgs): Promise<string> {
  const flags = new Flags(args, [
    'json',
    'rows',
    'cols',
    'weight',
    'weight-type',
    'strata',
    'cluster',
    'filter',
    'rules',
    'reason',
    'layers',
    'layer-missing',
    ...MRSET_FLAGS,
  ]);
  const loaded = await loadData(oneData(args));
  const dataset = withMrSetOptions(flags, loaded.dataset);
  const req = {
    rows: flags.list('rows') ?? [],
    cols: flags.list('cols') ?? [],
    weight: weightOption(flags, dataset),
    design: designOption(flags),
    filter: flags.string('filter'),
  };
  const rules = await rulesOption(flags, loaded, 'crosstab');
  const layers = flags.list('layers');
  if (layers === undefined && flags.has('layer-missing')) throw new UsageError('--layer-missing needs --layers');
  if (layers !== undefined) {
    if (layers.length === 0) throw new UsageError('--layers needs at least one variable');
    const result = runLayeredCrosstabs(dataset, { ...req, layers, includeMissingLayers: flags.has('layer-missing') }, rules);
    return flags.has('json') ? json(result) : layeredText(result);
  }
  const result = runCrosstabs(dataset, req, rules);
  return flags.has('json') ? json(result) : crosstabText(result);
}
