import type { ParsedArgs } from '../args';
import { Flags, oneData } from '../args';
import { loadData } from '../data-source';
import { describeJson, describeText } from './describe';

export type Command = (args: ParsedArgs) => Promise<string>;

const json = (v: unknown) => JSON.stringify(v);

export const COMMANDS: Record<string, Command> = {
  async describe(args) {
    const flags = new Flags(args, ['json']);
    const { dataset } = await loadData(oneData(args));
    return flags.has('json') ? json(describeJson(dataset)) : describeText(dataset);
  },
};
