/**
 * Multiple-response sets ("tick all that apply"), as SPSS defines them in MRSETS and the .sav `$MRSETS`
 * record:
 * - dichotomies: each member variable is one answer option, ticked when it holds the counted value;
 * - categories: the members hold codes from one value-label set (first, second, third mention), and a
 *   case gave answer k when any member holds k.
 * The schema checks a set on its own; `checkMrSet` checks it against the dataset's variables.
 */
import { z } from 'zod';
import type { VariableMeta } from './dataset';
import { codeKey, isUserMissing } from './dataset';

/** `$` and then what SPSS allows in a variable name; PSPP and SPSS refuse other set names. */
export const MR_SET_NAME = /^\$[\p{L}\p{N}_.@#$]+$/u;

export const mrSetKinds = ['dichotomies', 'categories'] as const;
export type MrSetKind = (typeof mrSetKinds)[number];

export const mrSetSchema = z
  .object({
    name: z.string().max(64).regex(MR_SET_NAME, 'a set name starts with $ followed by letters, digits, _ . @ # or $'),
    // One set per line in the .sav record: a line break in the label would end the set there.
    label: z
      .string()
      .max(4096)
      .regex(/^[^\r\n]*$/, 'a set label is one line'),
    type: z.enum(mrSetKinds),
    countedValue: z.union([z.number().refine(Number.isFinite, 'the counted value is a finite number'), z.string().min(1).max(255)]).optional(),
    variables: z.array(z.string().min(1).max(64)).min(2, 'a set has at least two member variables').max(1000),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.type === 'dichotomies' && s.countedValue === undefined) {
      ctx.addIssue({ code: 'custom', path: ['countedValue'], message: 'a dichotomy set needs a counted value' });
    }
    if (s.type === 'categories' && s.countedValue !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['countedValue'], message: 'a categories set has no counted value' });
    }
    const seen = new Set<string>();
    for (const v of s.variables) {
      const k = v.toLowerCase();
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['variables'], message: `${v} is named twice` });
      seen.add(k);
    }
  });

export type MultipleResponseSet = z.infer<typeof mrSetSchema>;

/** A problem with a set against its dataset: `code` plus what the UI needs to say it in Dutch or English. */
export type MrSetIssue =
  | { code: 'unknown-member'; variable: string }
  | { code: 'mixed-types'; numeric: string[]; string: string[] }
  | { code: 'counted-type'; expected: 'numeric' | 'string' }
  | { code: 'counted-missing'; variable: string }
  | { code: 'counted-never-labelled'; variables: string[] }
  | { code: 'labels-differ'; variable: string; other: string; value: string }
  | { code: 'name-taken'; name: string };

export interface MrSetCheck {
  /** The set cannot be used as it is. */
  errors: MrSetIssue[];
  /** The set works, but the user should know (SPSS and PSPP warn about the same things). */
  warnings: MrSetIssue[];
}

/** English text of an issue: the CLI's and the API's error message. */
export function mrSetIssueText(i: MrSetIssue): string {
  switch (i.code) {
    case 'unknown-member':
      return `the dataset has no variable named ${i.variable}`;
    case 'mixed-types':
      return `members must all be numeric or all be string (numeric: ${i.numeric.join(', ')}; string: ${i.string.join(', ')})`;
    case 'counted-type':
      return `the counted value must be ${i.expected === 'numeric' ? 'a number' : 'a text'} for these members`;
    case 'counted-missing':
      return `the counted value is a missing value of ${i.variable}`;
    case 'counted-never-labelled':
      return `the counted value has no value label on ${i.variables.join(', ')}`;
    case 'labels-differ':
      return `${i.variable} and ${i.other} label value ${i.value} differently`;
    case 'name-taken':
      return `the dataset already has a set or variable named ${i.name}`;
  }
}

/** The first label difference between two value-label sets, or undefined when they are the same. */
function labelDifference(a: VariableMeta, b: VariableMeta): string | undefined {
  const keys = new Set([...Object.keys(a.valueLabels), ...Object.keys(b.valueLabels)]);
  for (const k of [...keys].sort()) if (a.valueLabels[k] !== b.valueLabels[k]) return k;
  return undefined;
}

/**
 * Checks a (schema-valid) set against the dataset's variables. `others` are the dataset's other sets
 * (without the one being edited), for name clashes.
 */
export function checkMrSet(set: MultipleResponseSet, variables: readonly VariableMeta[], others: readonly MultipleResponseSet[] = []): MrSetCheck {
  const errors: MrSetIssue[] = [];
  const warnings: MrSetIssue[] = [];
  const byName = new Map(variables.map((v) => [v.name.toLowerCase(), v]));
  const lower = set.name.toLowerCase();
  if (others.some((o) => o.name.toLowerCase() === lower) || byName.has(lower)) errors.push({ code: 'name-taken', name: set.name });
  const members: VariableMeta[] = [];
  for (const name of set.variables) {
    const v = byName.get(name.toLowerCase());
    if (v) members.push(v);
    else errors.push({ code: 'unknown-member', variable: name });
  }
  const numeric = members.filter((v) => v.type === 'numeric').map((v) => v.name);
  const strings = members.filter((v) => v.type === 'string').map((v) => v.name);
  if (numeric.length > 0 && strings.length > 0) errors.push({ code: 'mixed-types', numeric, string: strings });
  const type = strings.length > 0 && numeric.length === 0 ? 'string' : 'numeric';
  if (set.type === 'dichotomies' && set.countedValue !== undefined && members.length > 0) {
    const counted = set.countedValue;
    if ((typeof counted === 'number') !== (type === 'numeric')) errors.push({ code: 'counted-type', expected: type });
    else {
      for (const v of members) if (isUserMissing(v.missing, counted)) errors.push({ code: 'counted-missing', variable: v.name });
      const unlabelled = members.filter((v) => Object.keys(v.valueLabels).length > 0 && v.valueLabels[codeKey(counted)] === undefined);
      if (unlabelled.length > 0) warnings.push({ code: 'counted-never-labelled', variables: unlabelled.map((v) => v.name) });
    }
  }
  if (set.type === 'categories') {
    // The items of a categories set are the codes of one value-label set; different labels for the same
    // code would make an item mean different things depending on which member holds it.
    for (const v of members.slice(1)) {
      const diff = labelDifference(members[0], v);
      if (diff !== undefined) warnings.push({ code: 'labels-differ', variable: members[0].name, other: v.name, value: diff });
    }
  }
  return { errors, warnings };
}

/** What happened to the project's set recipes when a dataset was (re)imported. */
export interface MrSetRecipeReport {
  /** Sets given back from the project's recipes (replacing a set of the same name the file defines). */
  applied: string[];
  /** Recipes not applied, with the members the new data lacks or why else the set does not fit. */
  skipped: { name: string; missing: string[]; reason: string }[];
}

/**
 * The sets a newly imported wave gets: the file's own sets, with every recipe of the project applied
 * on top when its members exist and the set checks out against the new variables.
 */
export function mergeMrSetRecipes(
  variables: readonly VariableMeta[],
  fileSets: readonly MultipleResponseSet[],
  recipes: readonly MultipleResponseSet[],
): { mrSets: MultipleResponseSet[]; report: MrSetRecipeReport } {
  const sets = [...fileSets];
  const report: MrSetRecipeReport = { applied: [], skipped: [] };
  for (const r of recipes) {
    const lower = r.name.toLowerCase();
    const others = sets.filter((s) => s.name.toLowerCase() !== lower);
    const { errors } = checkMrSet(r, variables, others);
    if (errors.length > 0) {
      const missing = errors.flatMap((e) => (e.code === 'unknown-member' ? [e.variable] : []));
      report.skipped.push({ name: r.name, missing, reason: errors.map(mrSetIssueText).join('; ') });
      continue;
    }
    const byName = new Map(variables.map((v) => [v.name.toLowerCase(), v.name]));
    const set = { ...r, variables: r.variables.map((n) => byName.get(n.toLowerCase()) ?? n) };
    const at = sets.findIndex((s) => s.name.toLowerCase() === lower);
    if (at >= 0) sets[at] = set;
    else sets.push(set);
    report.applied.push(r.name);
  }
  return { mrSets: sets, report };
}
