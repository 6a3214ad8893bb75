/** Variable look-up shared by the procedures: a name that does not exist is a user error, not a crash. */
import { type Column, type Dataset, type VariableMeta, findVariable } from '../model/dataset';
import { EngineError } from './errors';

export interface VarRef {
  meta: VariableMeta;
  col: Column;
}

export function variable(ds: Dataset, name: string): VarRef {
  const i = findVariable(ds, name);
  if (i < 0) throw new EngineError('unknown-variable', { code: 'engine-unknown-variable', name });
  return { meta: ds.variables[i], col: ds.columns[i] };
}
