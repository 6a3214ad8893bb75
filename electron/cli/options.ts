/** Flags shared by the analysis commands: weight, rules, design. */
import type { Dataset } from '../../shared/model/dataset';
import { findVariable, numericAt } from '../../shared/model/dataset';
import type { RuleSet } from '../../shared/disclosure/index';
import type { RuleSetName, WeightType } from '../../shared/model/results';
import { chooseRuleSet } from '../../shared/analysis/output-rules';
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

export function rulesOption(flags: Flags, projectRuleSet: RuleSet): RuleSet {
  const r = flags.string('rules');
  if (r !== undefined && r !== 'cbs-persons' && r !== 'cbs-business' && r !== 'none') {
    throw new UsageError(`--rules is cbs-persons, cbs-business or none, not "${r}"`);
  }
  return chooseRuleSet(r as RuleSetName | undefined, projectRuleSet);
}

export function designOption(flags: Flags): { strata?: string; cluster?: string } | undefined {
  const strata = flags.string('strata');
  const cluster = flags.string('cluster');
  return strata || cluster ? { strata, cluster } : undefined;
}
