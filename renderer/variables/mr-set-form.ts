/**
 * The multiple-response set dialog's form, apart from its UI: what the user typed, turned into a set
 * (or the reason it is not one yet) and checked against the dataset with the shared rules.
 */
import type { VariableMeta } from '../../shared/model/dataset';
import { checkMrSet, mrSetSchema, type MrSetCheck, type MrSetKind, type MultipleResponseSet } from '../../shared/model/mr-set';

export interface MrSetForm {
  name: string;
  label: string;
  kind: MrSetKind;
  counted: string;
  members: string[];
}

export function emptyForm(): MrSetForm {
  return { name: '$', label: '', kind: 'dichotomies', counted: '1', members: [] };
}

export function formOf(set: MultipleResponseSet): MrSetForm {
  return {
    name: set.name,
    label: set.label,
    kind: set.type,
    counted: set.countedValue === undefined ? '1' : String(set.countedValue),
    members: [...set.variables],
  };
}

export type FormProblem = 'name' | 'label' | 'members' | 'counted';

/** The set the form describes, or why it is none; `check` holds the dataset's errors and warnings. */
export function setOfForm(
  form: MrSetForm,
  variables: readonly VariableMeta[],
  others: readonly MultipleResponseSet[],
): { set: MultipleResponseSet; check: MrSetCheck } | { problem: FormProblem } {
  const name = form.name.trim().startsWith('$') ? form.name.trim() : `$${form.name.trim()}`;
  const first = variables.find((v) => v.name === form.members[0]);
  let countedValue: number | string | undefined;
  if (form.kind === 'dichotomies') {
    const text = form.counted.trim();
    if (text === '') return { problem: 'counted' };
    countedValue = first?.type === 'string' ? text : Number(text.replace(',', '.'));
    if (typeof countedValue === 'number' && !Number.isFinite(countedValue)) return { problem: 'counted' };
  }
  const candidate = { name, label: form.label.trim(), type: form.kind, ...(countedValue !== undefined ? { countedValue } : {}), variables: form.members };
  const parsed = mrSetSchema.safeParse(candidate);
  if (!parsed.success) {
    const path = String(parsed.error.issues[0]?.path[0] ?? 'name');
    return { problem: path === 'variables' ? 'members' : path === 'countedValue' ? 'counted' : path === 'label' ? 'label' : 'name' };
  }
  return { set: parsed.data, check: checkMrSet(parsed.data, variables, others) };
}

/** Moves member `i` one place up (−1) or down (+1). */
export function moveMember(members: readonly string[], i: number, by: -1 | 1): string[] {
  const j = i + by;
  if (j < 0 || j >= members.length) return [...members];
  const out = [...members];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}
