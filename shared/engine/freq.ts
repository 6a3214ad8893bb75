/**
 * Frequencies as SPSS FREQUENCIES shows them: the observed values in code order, valid first, then
 * user-missing codes, then system-missing. `count` is the number of cases, `weighted` their Σw (equal to
 * count without a weight). `percent` is over all cases, `validPercent` and `cumPercent` over valid cases;
 * missing categories have no valid or cumulative percent.
 */
import type { Dataset } from '../model/dataset';
import type { FreqCategory, FreqResult, WeightInfo } from '../model/results';
import { categoryLookup } from './categorize';
import { placeholderRules } from './rules';
import { tally1 } from './tally1';
import { variable } from './vars';
import { type WeightSpec, weightArray } from './weights';

export interface FreqOptions {
  variable: string;
  weight?: WeightSpec;
  filter?: Uint8Array;
}

export function frequencies(ds: Dataset, opts: FreqOptions): FreqResult {
  const { meta, col } = variable(ds, opts.variable);
  const look = categoryLookup(col, meta, { includeMissing: true, filter: opts.filter });
  const w = opts.weight ? weightArray(ds, opts.weight) : null;
  const t = tally1(look, w, opts.filter);
  const used: number[] = [];
  for (let k = 0; k < look.categories.length; k++) if (t.count[k] > 0) used.push(k);
  // Valid categories first, then user-missing, then system-missing (each group in code order).
  const rank = (k: number) => {
    const c = look.categories[k];
    return !c.missing ? 0 : c.missingKind === 'user' ? 1 : 2;
  };
  used.sort((x, y) => rank(x) - rank(y) || x - y);
  let total = 0;
  let validTotal = 0;
  let n = 0;
  let validN = 0;
  for (const k of used) {
    total += t.sw[k];
    n += t.count[k];
    if (!look.categories[k].missing) {
      validTotal += t.sw[k];
      validN += t.count[k];
    }
  }
  let cum = 0;
  const categories: FreqCategory[] = used.map((k) => {
    const c = look.categories[k];
    const weighted = t.sw[k];
    if (!c.missing) cum += weighted;
    const valid = !c.missing && validTotal > 0;
    const cat: FreqCategory = {
      code: c.code,
      label: c.label,
      count: t.count[k],
      weighted,
      percent: total > 0 ? (100 * weighted) / total : null,
      validPercent: valid ? (100 * weighted) / validTotal : null,
      cumPercent: valid ? (100 * cum) / validTotal : null,
      missing: c.missing,
    };
    if (c.missingKind) cat.missingKind = c.missingKind;
    return cat;
  });
  const weightInfo: WeightInfo | null = opts.weight
    ? { variable: variable(ds, opts.weight.variable).meta.name, type: opts.weight.type, excluded: t.weightExcluded }
    : null;
  return {
    variable: meta.name,
    label: meta.label,
    weight: weightInfo ? weightInfo.variable : null,
    weightInfo,
    categories,
    total,
    validTotal,
    n,
    validN,
    rules: placeholderRules(),
  };
}
