/**
 * The dialog's settings as typed, and the weight specification they make together with the grid
 * (shared/weighting/spec.ts). Pure: a problem comes back as a string key with parameters.
 */
import type { StringKey } from '../../i18n/strings';
import { DEFAULT_WEIGHT_NAME, type WeightMethod, type WeightSpec, type WeightSpecInput } from '../../../shared/weighting/spec';
import { gridToTargets, parseTyped, targetsToGrid, formatTyped, type GridState, type Lang } from './grid';
import type { VariableMeta } from '../../../shared/model/dataset';

export interface WeightForm {
  method: WeightMethod;
  base: string;
  filter: string;
  lo: string;
  hi: string;
  trim: string;
  trimRelative: boolean;
  scale: boolean;
  name: string;
}

export const emptyForm: WeightForm = {
  method: 'rake',
  base: '',
  filter: '',
  lo: '',
  hi: '',
  trim: '',
  trimRelative: false,
  scale: false,
  name: DEFAULT_WEIGHT_NAME,
};

export type FormProblem = { key: StringKey; params?: Record<string, string | number> };

export function formToSpec(grid: GridState, f: WeightForm, lang: Lang): { spec: WeightSpecInput } | { problem: FormProblem } {
  const t = gridToTargets(grid, lang);
  if ('problem' in t) {
    const p = t.problem;
    if (p.kind === 'empty') return { problem: { key: 'wt.empty' } };
    if (p.kind === 'total') return { problem: { key: 'wt.badTotal', params: { text: p.text } } };
    const m = grid.margins[p.margin];
    return { problem: { key: 'wt.badNumber', params: { variable: m.variable, code: m.rows[p.row].code, text: p.text } } };
  }
  let bounds: [number, number] | undefined;
  if (f.lo.trim() !== '' || f.hi.trim() !== '') {
    const lo = parseTyped(f.lo, lang);
    const hi = parseTyped(f.hi, lang);
    if (!(lo < 1 && hi > 1)) return { problem: { key: 'wt.badBounds' } };
    bounds = [lo, hi];
  }
  let trim: WeightSpecInput['trim'];
  if (f.trim.trim() !== '') {
    const max = parseTyped(f.trim, lang);
    if (!(max > 0)) return { problem: { key: 'wt.badTrim' } };
    trim = { max, relative: f.trimRelative };
  }
  return {
    spec: {
      method: f.method,
      targets: t.targets,
      name: f.name.trim() || DEFAULT_WEIGHT_NAME,
      ...(f.base ? { baseWeight: f.base } : {}),
      ...(f.filter.trim() ? { filter: f.filter.trim() } : {}),
      ...(bounds ? { bounds } : {}),
      ...(trim ? { trim } : {}),
      scaleTargets: f.scale,
    },
  };
}

/** Grid and settings of a stored recipe, for "Weging opnieuw". */
export function specToForm(spec: WeightSpec, variables: VariableMeta[], lang: Lang): { grid: GridState; form: WeightForm } {
  const num = (v: number) => formatTyped(v, lang);
  return {
    grid: targetsToGrid(spec.targets, variables, lang),
    form: {
      method: spec.method,
      base: spec.baseWeight ?? '',
      filter: spec.filter ?? '',
      lo: spec.bounds ? num(spec.bounds[0]) : '',
      hi: spec.bounds ? num(spec.bounds[1]) : '',
      trim: spec.trim ? num(spec.trim.max) : '',
      trimRelative: spec.trim?.relative ?? false,
      scale: spec.scaleTargets,
      name: spec.name,
    },
  };
}
