/** Flags shared by the analysis commands: weight, rules, design. */
import type { Dataset } from '../../shared/model/dataset';
import { findVariable, numericAt } from '../../shared/model/dataset';
import type { RuleSet } from '../../shared/disclosure/index';
import type { RuleSetName, WeightType } from '../../shared/model/results';
import { OutputRuleError, resolveRules } from '../../shared/analysis/output-rules';
import type { LoadedData } from './data-source';
import { Flags, UsageError } from './args';

/** Integer weights default to frequency weights (a case stands for w cases), fractional ones to sampling. */
export function defaultWeightType(ds: Dataset, name: string): WeightType {
  const i = findVariable(ds, name);
  const col = i >= 0 ? ds.columns[i] : null;
  if (!col || col.kind !== 'numeric') return 'sampling';
  for (let r = 0; r < ds.rows; r++) {
    const v = numericAt(col, r);
    if (v === v && !Number.isInteger(v)) return 'sampling';
  }
  return 'frequency';
}

export function weightOption(flags: Flags, ds: Dataset): { variable: string; type: WeightType } | undefined {
  const variable = flags.string('weight');
  const type = flags.string('weight-type');
  if (variable === undefined) {
    if (type !== undefined) throw new UsageError('--weight-type needs --weight');
    return undefined;
  }
  if (type !== undefined && type !== 'frequency' && type !== 'sampling') throw new UsageError(`--weight-type is frequency or sampling, not "${type}"`);
  return { variable, type: (type as WeightType | undefined) ?? defaultWeightType(ds, variable) };
}

/**
 * The rule set of a command: `--rules`, or the project's (cbs-persons for a plain file). One below that
 * needs `--reason "…"` (at least 10 characters; refused with exit 2 without it), is recorded in the
 * project's audit log when DATA is a project, and its results are marked unchecked.
 */
export async function rulesOption(
  flags: Flags,
  loaded: Pick<LoadedData, 'ruleSet' | 'projectPath'>,
  command: string,
  requested?: RuleSetName,
  specReason?: string,
): Promise<RuleSet> {
  const r = flags.string('rules') ?? requested;
  if (r !== undefined && r !== 'cbs-persons' && r !== 'cbs-business' && r !== 'none') {
    throw new UsageError(`--rules is cbs-persons, cbs-business or none, not "${r}"`);
  }
  let choice;
  try {
    choice = resolveRules(r, loaded.ruleSet, flags.string('reason') ?? specReason);
  } catch (e) {
    if (e instanceof OutputRuleError) throw new UsageError(e.message);
    throw e;
  }
  if (choice.loosened && loaded.projectPath) {
    // Only a project keeps an audit log; the store (a native module) is loaded only then.
    const { ProjectStore } = await import('../store/project-store');
    const store = ProjectStore.open(loaded.projectPath);
    try {
      store.audit('rules.loosen', { call: `cli ${command}`, ruleSet: choice.ruleSet.name, project: loaded.ruleSet.name, reason: choice.reason });
    } finally {
      store.close();
    }
  }
  return choice.ruleSet;
}

export function designOption(flags: Flags): { strata?: string; cluster?: string } | undefined {
  const strata = flags.string('strata');
  const cluster = flags.string('cluster');
  return strata || cluster ? { strata, cluster } : undefined;
}
