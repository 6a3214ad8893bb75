/** The output rules' view of a fit (results.ts ModelDiagnostics), built from what the fitting pass kept. */
import type { ModelDiagnostics } from '../../model/results';
import type { Leverage } from './leverage';

export interface DiagnosticsRequest {
  /** Keep every hat value (tests against R), not only the largest. */
  keepAll?: boolean;
}

/** `{diagnostics}` to spread into a result when they were asked for, else nothing. */
export function diagnosticsOf(req: DiagnosticsRequest | null | undefined, params: number, lev: Leverage | null): { diagnostics?: ModelDiagnostics } {
  if (!req || !lev) return {};
  return { diagnostics: { params, maxLeverage: lev.max, leverageTerm: lev.term, ...(lev.h ? { hat: lev.h } : {}) } };
}
