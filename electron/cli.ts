/**
 * The `duiding` command (package.json bin). Each command loads its data, runs the same engine and output
 * rules as the app, and prints text or exactly one JSON document. Any error: one line on stderr, exit 1.
 * `npm run build` bundles this file into dist/cli (scripts/build-cli.mjs), which bin/duiding.mjs runs
 * when it is current; only the command called is loaded (commands/index.ts).
 */
import { parseArgs, UsageError, type ParsedArgs } from './cli/args';
import { COMMANDS } from './cli/commands/index';
import { HELP } from './cli/help';

export async function runCli(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
    if (args.command === null || args.command === 'help' || args.flags.get('help') === true) {
      out(`${HELP}\n`);
      return 0;
    }
    if (!Object.hasOwn(COMMANDS, args.command)) throw new UsageError(`Unknown command "${args.command}" (see duiding --help)`);
    const command = await COMMANDS[args.command]();
    const output = await command(args);
    const text = typeof output === 'string' ? output : output.text;
    out(text.endsWith('\n') ? text : `${text}\n`);
    return typeof output === 'string' ? 0 : output.exitCode;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`duiding: ${message.split('\n')[0]}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

/** The command line as a process runs it: the engine's accelerator installed, stdout closing early allowed. */
export async function main(argv: string[]): Promise<number> {
  // `duiding … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  const helpOnly = argv.length === 0 || argv[0] === 'help' || argv.includes('--help') || argv.includes('-h');
  if (!helpOnly) {
    // About 10 ms, and only a check that the kernels can run (docs/architecture.md, "Tabulation kernels").
    const { installEngineAccelerator } = await import('./engine/install-accelerator');
    installEngineAccelerator();
  }
  return runCli(argv);
}

const isMain = process.argv[1] !== undefined && /electron[\\/]cli\.ts$/.test(process.argv[1]);
if (isMain) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
