/**
 * Appending waves of a panel: the rows of `b` under the rows of `a`, variables matched by name
 * (ignoring case), plus a wave variable saying where each row came from. Metadata comes from the
 * first dataset; every difference that matters is reported so the user sees it before relying on it:
 * labels, value labels that disagree (labels only `b` has are added), missing-value definitions (the
 * union is taken when SPSS can express it, so a code missing in either wave stays missing) and types
 * (a variable that is text in one wave becomes text).
 */
import type { Code, Column, Dataset, VariableMeta } from '../model/dataset';
import { codeKey, compactNumeric, findVariable, newVariable } from '../model/dataset';
import { gather, span, unionMissing } from './gather';
import { DuidingError } from '../errors';

export interface AppendOptions {
  waveVariable: string;
  /** Value of the wave variable for the rows of `a` and of `b`. */
  waveValues: [Code, Code];
  waveLabels?: [string, string];
}

export interface MetaConflict {
  variable: string;
  field: 'type' | 'label' | 'valueLabels' | 'missing' | 'name';
  a: unknown;
  b: unknown;
}

export class PanelError extends DuidingError {
  constructor(message: string) {
    super('panel', message);
    this.name = 'PanelError';
  }
}

function compare(a: VariableMeta, b: VariableMeta, conflicts: MetaConflict[]): VariableMeta {
  const meta: VariableMeta = { ...a, valueLabels: { ...a.valueLabels } };
  if (a.type !== b.type) {
    conflicts.push({ variable: a.name, field: 'type', a: a.type, b: b.type });
    meta.type = 'string';
    meta.width = Math.max(a.width, b.width, 8);
    meta.format = { type: 'A', width: meta.width, decimals: 0 };
    meta.measure = 'nominal';
  } else if (a.type === 'string') {
    meta.width = Math.max(a.width, b.width);
    meta.format = { ...a.format, width: Math.max(a.format.width, b.format.width) };
  }
  if (a.label !== b.label) conflicts.push({ variable: a.name, field: 'label', a: a.label, b: b.label });
  const differ: [Record<string, string>, Record<string, string>] = [{}, {}];
  for (const [code, label] of Object.entries(b.valueLabels)) {
    const mine = a.valueLabels[code];
    if (mine === undefined) meta.valueLabels[code] = label;
    else if (mine !== label) {
      differ[0][code] = mine;
      differ[1][code] = label;
    }
  }
  if (Object.keys(differ[0]).length > 0) conflicts.push({ variable: a.name, field: 'valueLabels', a: differ[0], b: differ[1] });
  if (JSON.stringify(a.missing) !== JSON.stringify(b.missing)) {
    conflicts.push({ variable: a.name, field: 'missing', a: a.missing, b: b.missing });
    meta.missing = unionMissing(a.missing, b.missing) ?? a.missing;
  }
  return meta;
}

export function appendDatasets(a: Dataset, b: Dataset, o: AppendOptions): { dataset: Dataset; conflicts: MetaConflict[] } {
  if (findVariable(a, o.waveVariable) >= 0 || findVariable(b, o.waveVariable) >= 0) {
    throw new PanelError(`Variable '${o.waveVariable}' already exists; choose another name for the wave variable`);
  }
  const rows = a.rows + b.rows;
  const inA = span(rows, 0, a.rows);
  const inB = span(rows, a.rows, b.rows);
  const conflicts: MetaConflict[] = [];
  const variables: VariableMeta[] = [];
  const columns: Column[] = [];
  a.variables.forEach((va, k) => {
    const j = findVariable(b, va.name);
    const meta = j < 0 ? va : compare(va, b.variables[j], conflicts);
    const sources = [{ col: a.columns[k], idx: inA }];
    if (j >= 0) sources.push({ col: b.columns[j], idx: inB });
    variables.push(meta);
    columns.push(gather(sources, rows, meta.type));
  });
  b.variables.forEach((vb, j) => {
    if (findVariable(a, vb.name) >= 0) return;
    variables.push(vb);
    columns.push(gather([{ col: b.columns[j], idx: inB }], rows, vb.type));
  });
  const [wa, wb] = o.waveValues;
  const numericWave = typeof wa === 'number' && typeof wb === 'number';
  const waveLabels: Record<string, string> = {};
  if (o.waveLabels) {
    waveLabels[codeKey(wa)] = o.waveLabels[0];
    waveLabels[codeKey(wb)] = o.waveLabels[1];
  }
  const waveCol: Column = numericWave
    ? { kind: 'numeric', data: compactNumeric(Float64Array.from({ length: rows }, (_, i) => (i < a.rows ? wa : wb))) }
    : { kind: 'string', codes: Int32Array.from({ length: rows }, (_, i) => (i < a.rows ? 0 : 1)), dict: [String(wa), String(wb)] };
  const waveWidth = Math.max(String(wa).length, String(wb).length, 1);
  variables.push(
    newVariable(o.waveVariable, numericWave ? 'numeric' : 'string', {
      label: 'Wave',
      measure: 'nominal',
      valueLabels: waveLabels,
      width: numericWave ? 0 : waveWidth,
      format: numericWave ? { type: 'F', width: 8, decimals: 0 } : { type: 'A', width: waveWidth, decimals: 0 },
    }),
  );
  columns.push(waveCol);
  const dataset: Dataset = {
    ...a,
    rows,
    variables,
    columns,
    weight: a.weight ?? b.weight,
    documents: [...a.documents, ...b.documents.filter((d) => !a.documents.includes(d))],
    mrSets: [...a.mrSets, ...b.mrSets.filter((m) => !a.mrSets.some((x) => x.name === m.name))],
  };
  return { dataset, conflicts };
}
