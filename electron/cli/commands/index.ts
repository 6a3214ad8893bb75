import { runCrosstabs, runFreq } from '../../../shared/analysis/run-tables';
import type { ParsedArgs } from '../args';
import { Flags, oneData } from '../args';
import { loadData } from '../data-source';
import { crosstabText, freqText } from '../format-tables';
import { designOption, rulesOption, weightOption } from '../options';
import { describeJson, describeText } from './describe';
import { bookCommand, chartCommand } from './exports';
import { importCommand } from './import';
import { regressCommand } from './regress';

export type Command = (args: ParsedArgs) => Promise<string>;

const json = (v: unknown) => JSON.stringify(v);

export const COMMANDS: Record<string, Command> = {
  import: importCommand,
  regress: regressCommand,
  book: bookCommand,
  chart: chartCommand,

  async describe(args) {
    const flags = new Flags(args, ['json']);
    const { dataset } = await loadData(oneData(args));
    return flags.has('json') ? json(describeJson(dataset)) : describeText(dataset);
  },

  async freq(args) {
    const flags = new Flags(args, ['json', 'var', 'weight', 'weight-type', 'filter', 'rules']);
    const { dataset, ruleSet } = await loadData(oneData(args));
    const result = runFreq(
      dataset,
      { variable: flags.required('var'), weight: weightOption(flags, dataset), filter: flags.string('filter') },
      rulesOption(flags, ruleSet),
    );
    return flags.has('json') ? json(result) : freqText(result);
  },

  async crosstab(args) {
    const flags = new Flags(args, ['json', 'rows', 'cols', 'weight', 'weight-type', 'strata', 'cluster', 'filter', 'rules']);
    const { dataset, ruleSet } = await loadData(oneData(args));
    const result = runCrosstabs(
      dataset,
      {
        rows: flags.list('rows') ?? [],
        cols: flags.list('cols') ?? [],
        weight: weightOption(flags, dataset),
        design: designOption(flags),
        filter: flags.string('filter'),
      },
      rulesOption(flags, ruleSet),
    );
    return flags.has('json') ? json(result) : crosstabText(result);
  },
};
