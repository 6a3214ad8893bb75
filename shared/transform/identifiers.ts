/**
 * Filters, recodes and computed variables may not read an identifier. Output may not show a person
 * number or a linking key (shared/analysis/output-rules.ts), and a filter `respnr = 100003`, a recode
 * of respnr or `compute d = leeftijd + 1000 * (respnr = 100003)` would let it pick out one person
 * without ever showing it. An identifier is a variable with role id or key, or one whose name looks
 * like a linking key of the rule set (matched as shared/disclosure/primary/result-checks.ts does);
 * a derived variable whose recipe reads one (at any depth, e.g. made while the rules were off) counts
 * as reading it too. As for output, the rule set `none` checks nothing.
 */
import { linkingKeyMatch } from '../disclosure/primary/result-checks';
import type { RuleSet } from '../disclosure/rules';
import type { ExprMessage } from '../i18n/message-types';
import { type Dataset, findVariable, type VariableMeta } from '../model/dataset';
import { type Ast, ExprError, walk } from './expr/ast';
import { parseExpr } from './expr/parse';

type Rules = Pick<RuleSet, 'name' | 'linkingKeys'>;
export type IdentifierRules = Rules;
type Variables = Pick<Dataset, 'variables'>;

export interface IdentifierHit {
  /** The identifier itself. */
  identifier: string;
  why: 'role' | 'key';
  /** The role (id, key) or the linking key (upper case) it matches. */
  detail: string;
  /** The derived variable the expression named, when it reads the identifier through its recipe. */
  via?: string;
}

/** Why `meta` itself is an identifier, or null. */
function ownHit(meta: Pick<VariableMeta, 'name' | 'role'>, rs: Rules): IdentifierHit | null {
  if (meta.role === 'id' || meta.role === 'key') return { identifier: meta.name, why: 'role', detail: meta.role };
  const key = linkingKeyMatch(meta.name, rs.linkingKeys);
  return key ? { identifier: meta.name, why: 'key', detail: key } : null;
}

/** The variables a stored recipe (`derivedFrom`) reads; none when it cannot be read. */
function recipeSources(meta: VariableMeta, ds: Variables): string[] {
  if (!meta.derivedFrom) return [];
  let recipe: unknown;
  try {
    recipe = JSON.parse(meta.derivedFrom);
  } catch {
    return [];
  }
  const r = recipe as { kind?: unknown; source?: unknown; expression?: unknown };
  if (r.kind === 'recode' && typeof r.source === 'string') return [r.source];
  if (r.kind === 'compute' && typeof r.expression === 'string') {
    try {
      return namesOf(parseExpr(r.expression), ds).map((n) => n.name);
    } catch {
      return [];
    }
  }
  return [];
}

/**
 * Why reading variable `name` reads an identifier: it is one, or it is derived from one. Null when
 * it does not (or is unknown: the expression checker reports unknown names).
 */
export function identifierBehind(ds: Variables, name: string, rs: Rules): IdentifierHit | null {
  if (rs.name === 'none') return null;
  const seen = new Set<string>();
  const visit = (n: string): IdentifierHit | null => {
    const k = findVariable(ds as Dataset, n);
    if (k < 0 || seen.has(n.toLowerCase())) return null;
    seen.add(n.toLowerCase());
    const meta = ds.variables[k];
    const own = ownHit(meta, rs);
    if (own) return own;
    for (const s of recipeSources(meta, ds)) {
      const hit = visit(s);
      if (hit) return hit;
    }
    return null;
  };
  const hit = visit(name);
  if (!hit) return null;
  const k = findVariable(ds as Dataset, name);
  const named = k >= 0 ? ds.variables[k].name : name;
  return named.toLowerCase() === hit.identifier.toLowerCase() ? hit : { ...hit, via: named };
}

/** Every variable an expression names, with `a to b` ranges expanded, and the position it is named at. */
function namesOf(ast: Ast, ds: Variables): { name: string; pos: number }[] {
  const out: { name: string; pos: number }[] = [];
  walk(ast, (n) => {
    if (n.kind === 'var') out.push({ name: n.name, pos: n.pos });
    if (n.kind !== 'range') return;
    const a = findVariable(ds as Dataset, n.from);
    const b = findVariable(ds as Dataset, n.to);
    if (a >= 0 && b >= a) for (let k = a; k <= b; k++) out.push({ name: ds.variables[k].name, pos: n.pos });
  });
  return out;
}

export function identifierMessage(hit: IdentifierHit, variable: string): ExprMessage {
  return { code: 'expr-identifier', variable, identifier: hit.identifier, why: hit.why, detail: hit.detail };
}

/** Throws an ExprError pointing at the first variable of `ast` that reads an identifier. */
export function assertNoIdentifierInExpr(ast: Ast, ds: Variables, rs: Rules): void {
  if (rs.name === 'none') return;
  for (const { name, pos } of namesOf(ast, ds)) {
    const hit = identifierBehind(ds, name, rs);
    if (hit) throw new ExprError(identifierMessage(hit, hit.via ?? hit.identifier), pos);
  }
}

/** The same for a recode's source variable (no expression: the position is 0). */
export function assertNoIdentifierSource(ds: Variables, source: string, rs: Rules): void {
  const hit = identifierBehind(ds, source, rs);
  if (hit) throw new ExprError(identifierMessage(hit, hit.via ?? hit.identifier), 0);
}

/** A filter text checked for identifiers (parse errors are the caller's: it parses again to evaluate). */
export function assertFilterReadsNoIdentifier(ds: Variables, filter: string | undefined, rs: Rules): void {
  if (filter === undefined || filter.trim() === '' || rs.name === 'none') return;
  assertNoIdentifierInExpr(parseExpr(filter), ds, rs);
}
