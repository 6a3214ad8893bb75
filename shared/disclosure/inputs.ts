/**
 * What a table or model may read, checked before anything is computed (docs/security.md):
 * - no identifier in the filter, and no variable derived from one among the request's variables
 *   (shared/transform/identifiers.ts); a variable that is itself an identifier is refused by the
 *   output check (assertNoLinkingKeys), which names it the same way as before;
 * - only a variable with role 'weight' weights a table or a model. A frequency weight multiplies
 *   every case, so weighting by any other variable turns a count into a sum of that variable: a
 *   magnitude table (`freq golf --weight leeftijd` sums ages, and one filter more gives one person's
 *   age) that would bypass the dominance and p% rules only magnitude tables get. Setting the role is an
 *   audited metadata edit.
 * The rule set `none` checks none of this, as it checks no output.
 */
import type { DisclosureMessage } from '../i18n/message-types';
import { type Dataset, findVariable } from '../model/dataset';
import { assertFilterReadsNoIdentifier, identifierBehind } from '../transform/identifiers';
import type { RuleSet } from './rules';
import { DuidingError } from '../errors';

/** A request refused for what it reads; `detail` is the code for Dutch or English text. */
export class InputRuleError extends DuidingError {
  declare readonly detail: DisclosureMessage;

  constructor(detail: DisclosureMessage) {
    super('output-rules', detail);
    this.name = 'InputRuleError';
  }
}

export interface RequestInputs {
  /** Every variable the result shows or is computed from (rows, columns, layers, predictors, …). */
  variables: readonly string[];
  filter?: string | null;
  weight?: { variable: string } | null;
}

/** Refuses a weight variable whose role is not 'weight' (unknown names are left to the engine). */
export function assertWeightRole(ds: Pick<Dataset, 'variables'>, weight: { variable: string } | null | undefined, rs: Pick<RuleSet, 'name'>): void {
  if (!weight || rs.name === 'none') return;
  const k = findVariable(ds as Dataset, weight.variable);
  if (k < 0) return;
  const meta = ds.variables[k];
  if (meta.role !== 'weight') throw new InputRuleError({ code: 'weight-role', variable: meta.name, role: meta.role });
}

/** A variable among `names` derived from an identifier, as the reasons its table is blocked; null when none. */
export function derivedIdentifierMessages(
  ds: Pick<Dataset, 'variables'>,
  names: readonly string[],
  rs: Pick<RuleSet, 'name' | 'linkingKeys'>,
): DisclosureMessage[] | null {
  if (rs.name === 'none') return null;
  for (const name of names) {
    const hit = identifierBehind(ds, name, rs);
    if (hit?.via) return [{ code: 'derived-identifier', variable: hit.via, identifier: hit.identifier }, { code: 'identifiers-not-exported' }];
  }
  return null;
}

/** Throws an ExprError (filter) or InputRuleError (derived identifier, weight) for a refused request. */
export function assertRequestInputs(ds: Pick<Dataset, 'variables'>, req: RequestInputs, rs: Pick<RuleSet, 'name' | 'linkingKeys'>): void {
  if (rs.name === 'none') return;
  for (const name of req.variables) {
    const hit = identifierBehind(ds, name, rs);
    // A variable that is itself an identifier is the output check's to refuse (same message as ever).
    if (hit?.via) throw new InputRuleError({ code: 'derived-identifier', variable: hit.via, identifier: hit.identifier });
  }
  assertFilterReadsNoIdentifier(ds, req.filter ?? undefined, rs);
  assertWeightRole(ds, req.weight, rs);
}
