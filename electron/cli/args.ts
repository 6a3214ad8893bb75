/** A small, strict argument parser: `command POSITIONAL --flag value --switch`. Unknown flags are errors. */
import { DuidingError } from '../../shared/errors';

export class UsageError extends DuidingError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  command: string | null;
  positional: string[];
  flags: Map<string, string | true>;
}

const SWITCHES = new Set(['json', 'help', 'replace', 'replace-empty', 'layer-missing', 'scale-targets']);

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { command: null, positional: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') out.flags.set('help', true);
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (SWITCHES.has(name)) out.flags.set(name, true);
      else if (eq > 0) out.flags.set(name, a.slice(eq + 1));
      else {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
        out.flags.set(name, v);
        i++;
      }
    } else if (out.command === null) out.command = a;
    else out.positional.push(a);
  }
  return out;
}

/** Reads flags for one command, refusing any it does not know. */
export class Flags {
  private readonly used = new Set<string>();
  constructor(
    private readonly args: ParsedArgs,
    allowed: string[],
  ) {
    for (const k of args.flags.keys()) {
      if (!allowed.includes(k) && k !== 'help') throw new UsageError(`Unknown option --${k} for "${args.command}"`);
    }
  }
  string(name: string): string | undefined {
    this.used.add(name);
    const v = this.args.flags.get(name);
    if (v === true) throw new UsageError(`--${name} needs a value`);
    return v;
  }
  required(name: string): string {
    const v = this.string(name);
    if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
    return v;
  }
  list(name: string): string[] | undefined {
    const v = this.string(name);
    return v === undefined
      ? undefined
      : v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  }
  number(name: string, fallback: number): number {
    const v = this.string(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} needs a positive number, got "${v}"`);
    return n;
  }
  has(name: string): boolean {
    return this.args.flags.get(name) === true;
  }
}

export function oneData(args: ParsedArgs): string {
  if (args.positional.length !== 1) throw new UsageError(`"${args.command}" needs exactly one DATA argument (a data file, PROJECT.duiding#DATASET, or demo)`);
  return args.positional[0];
}
