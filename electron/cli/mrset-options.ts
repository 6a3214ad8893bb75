/**
 * `--mrset '$NAME=V1,V2,V3[:COUNTED]'` (a dichotomy set, counted value 1 unless given) and
 * `--mrset-categories '$NAME=V1,V2,V3'` (a categories set): sets defined for one command, parsed here
 * for every analysis command. Several sets go in one flag, separated by `;`. A set defined on the
 * command line replaces one of the same name the data already has, for this command only.
 */
import { checkMrSet, mrSetIssueText, mrSetSchema, type MultipleResponseSet } from '../../shared/model/mr-set';
import type { Dataset } from '../../shared/model/dataset';
import { type Flags, UsageError } from './args';

/** The flags to allow in a command that takes sets. */
export const MRSET_FLAGS = ['mrset', 'mrset-categories'];

function parseOne(text: string, type: MultipleResponseSet['type'], flag: string, ds: Dataset): MultipleResponseSet {
  const eq = text.indexOf('=');
  if (eq < 0) throw new UsageError(`--${flag} is $NAME=V1,V2,...${type === 'dichotomies' ? '[:COUNTED]' : ''}, not "${text}"`);
  const name = text.slice(0, eq).trim();
  let members = text.slice(eq + 1).trim();
  let counted: string | undefined;
  const colon = members.lastIndexOf(':');
  if (colon >= 0) {
    if (type === 'categories') throw new UsageError(`--${flag}: a categories set has no counted value ("${text}")`);
    counted = members.slice(colon + 1).trim();
    members = members.slice(0, colon);
  }
  const variables = members
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const first = ds.variables.find((v) => v.name.toLowerCase() === variables[0]?.toLowerCase());
  let countedValue: string | number | undefined;
  if (type === 'dichotomies') {
    if (first?.type === 'string') {
      if (counted === undefined || counted === '') throw new UsageError(`--${flag} ${name}: text members need a counted value (…:VALUE)`);
      countedValue = counted;
    } else {
      countedValue = counted === undefined ? 1 : Number(counted);
      if (counted !== undefined && (counted === '' || !Number.isFinite(countedValue))) {
        throw new UsageError(`--${flag} ${name}: the counted value "${counted}" is not a number`);
      }
    }
  }
  const parsed = mrSetSchema.safeParse({ name, label: name, type, ...(countedValue !== undefined ? { countedValue } : {}), variables });
  if (!parsed.success) throw new UsageError(`--${flag} ${name}: ${parsed.error.issues[0]?.message ?? 'invalid set'}`);
  return parsed.data;
}

/** The dataset with the command line's sets added (or replacing sets of the same name). */
export function withMrSetOptions(flags: Flags, ds: Dataset): Dataset {
  const defined: MultipleResponseSet[] = [];
  for (const [flag, type] of [
    ['mrset', 'dichotomies'],
    ['mrset-categories', 'categories'],
  ] as const) {
    const value = flags.string(flag);
    if (value === undefined) continue;
    for (const text of value.split(';').filter((t) => t.trim() !== '')) defined.push(parseOne(text.trim(), type, flag, ds));
  }
  if (defined.length === 0) return ds;
  const lower = (s: MultipleResponseSet) => s.name.toLowerCase();
  const mrSets = [...ds.mrSets.filter((s) => !defined.some((d) => lower(d) === lower(s)))];
  for (const set of defined) {
    const { errors } = checkMrSet(set, ds.variables, mrSets);
    if (errors.length > 0) throw new UsageError(`${set.name}: ${errors.map(mrSetIssueText).join('; ')}`);
    const variables = set.variables.map((n) => ds.variables.find((v) => v.name.toLowerCase() === n.toLowerCase())?.name ?? n);
    mrSets.push({ ...set, variables });
  }
  return { ...ds, mrSets };
}
