import { runLayeredCrosstabs } from '../../../shared/analysis/run-layers';
import { runCrosstabs, runFreq } from '../../../shared/analysis/run-tables';
import type { ParsedArgs } from '../args';
import { Flags, UsageError, oneData } from '../args';
import { loadData } from '../data-source';
import { crosstabText, freqText } from '../format-tables';
import { layeredText } from '../format-layers';
import { MRSET_FLAGS, withMrSetOptions } from '../mrset-options';
import { designOption, rulesOption, weightOption } from '../options';
import { describeJson, describeText } from './describe';
import { bookCommand, chartCommand } from './exports';
import { auditCommand } from './audit';
import { importCommand } from './import';
import type { CommandOutput } from './output';
import { regressCommand } from './regress';
import { weightCommand } from './weight';

export type Command = (args: ParsedArgs) => Promise<CommandOutput>;

const json = (v: unknown) => JSON.stringify(v);

export const COMMANDS: Record<string, Command> = {
  import: importCommand,
  audit: auditCommand,
  regress: regressCommand,
  book: bookCommand,
  chart: chartCommand,
  weight: weightCommand,

  async describe(args) {
    const flags = new Flags(args, ['json', ...MRSET_FLAGS]);
    const dataset = withMrSetOptions(flags, (await loadData(oneData(args))).dataset);
    return flags.has('json') ? json(describeJson(dataset)) : describeText(dataset);
  },

  async freq(args) {
    const flags = new Flags(args, ['json', 'var', 'weight', 'weight-type', 'filter', 'rules', 'reason']);
    const loaded = await loadData(oneData(args));
    const dataset = loaded.dataset;
    const result = runFreq(
      dataset,
      { variable: flags.required('var'), weight: weightOption(flags, dataset), filter: flags.string('filter') },
      rulesOption(flags, loaded, 'freq'),
    );
    return flags.has('json') ? json(result) : freqText(result);
  },

  async crosstab(args) {
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
    const rules = rulesOption(flags, loaded, 'crosstab');
    const layers = flags.list('layers');
    if (layers === undefined && flags.has('layer-missing')) throw new UsageError('--layer-missing needs --layers');
    if (layers !== undefined) {
      if (layers.length === 0) throw new UsageError('--layers needs at least one variable');
      const result = runLayeredCrosstabs(dataset, { ...req, layers, includeMissingLayers: flags.has('layer-missing') }, rules);
      return flags.has('json') ? json(result) : layeredText(result);
    }
    const result = runCrosstabs(dataset, req, rules);
    return flags.has('json') ? json(result) : crosstabText(result);
  },
};
