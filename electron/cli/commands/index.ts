/**
 * The commands by name, each loaded when it is called: `--help` and `describe` never load the engine,
 * the importers, the store, exceljs or ECharts (in the bundled CLI each command is its own chunk), which
 * is most of what a call from a script would otherwise spend before doing anything (docs/benchmarks.md).
 */
import type { ParsedArgs } from '../args';
import type { CommandOutput } from './output';

export type Command = (args: ParsedArgs) => Promise<CommandOutput>;

export const COMMANDS: Record<string, () => Promise<Command>> = {
  import: async () => (await import('./import')).importCommand,
  audit: async () => (await import('./audit')).auditCommand,
  describe: async () => (await import('./describe')).describeCommand,
  freq: async () => (await import('./tables')).freqCommand,
  crosstab: async () => (await import('./tables')).crosstabCommand,
  regress: async () => (await import('./regress')).regressCommand,
  book: async () => (await import('./exports')).bookCommand,
  chart: async () => (await import('./exports')).chartCommand,
  weight: async () => (await import('./weight')).weightCommand,
};
