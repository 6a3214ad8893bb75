/**
 * Whole-result checks: models (residual degrees of freedom) and linking keys (identifiers that would
 * let a published file be joined to other microdata).
 */
import type { VariableMeta } from '../../model/dataset';
import type { DisclosureSummary, RegressionResult } from '../../model/results';
import { legacyText, type DisclosureMessage } from '../../i18n/messages';
import type { RuleSet } from '../rules';

/** `reasons` get their legacy text (the CLI JSON contract) and `messages` the codes behind them. */
export function summary(rs: RuleSet, status: DisclosureSummary['status'], messages: DisclosureMessage[] = [], primary = 0, secondary = 0): DisclosureSummary {
  const reasons = messages.map(legacyText);
  return { ruleSet: rs.name, status, primary, secondary, reasons, ...(messages.length > 0 ? { messages } : {}) };
}

/** Appends to a summary's reasons, keeping `reasons` and `messages` in step. */
export function withReasons(rules: DisclosureSummary, add: DisclosureMessage[]): DisclosureSummary {
  if (add.length === 0) return rules;
  const prior: DisclosureMessage[] = rules.messages ?? rules.reasons.map((text) => ({ code: 'text', text }));
  return { ...rules, reasons: [...rules.reasons, ...add.map(legacyText)], messages: [...prior, ...add] };
}

/**
 * A model is publishable with at least minDf residual degrees of freedom and minCount cases, and no
 * case whose leverage exceeds maxLeverage. The residual df the rule counts is observations minus
 * parameters (absorbed fixed effects included) from the fit's diagnostics: how many cases the estimates
 * rest on beyond what they pin down. The result's own `df` is what its tests use, which for a survey
 * design is PSUs − strata − k + 1 (NHANES: 9) and says nothing about disclosure. Without diagnostics
 * (a caller that did not ask the engine for them) the result's df is taken, the stricter reading.
 */
export function checkRegression(result: Pick<RegressionResult, 'df' | 'n' | 'diagnostics'>, rs: RuleSet): DisclosureSummary {
  if (rs.name === 'none') return summary(rs, 'safe');
  const reasons: DisclosureMessage[] = [];
  const diag = result.diagnostics;
  const df = diag ? result.n - diag.params : result.df;
  if (!(df >= rs.minDf)) reasons.push({ code: 'model-df', df, min: rs.minDf });
  if (!(result.n >= rs.minCount)) reasons.push({ code: 'model-n', n: result.n, min: rs.minCount });
  if (diag && !(diag.maxLeverage <= rs.maxLeverage)) {
    reasons.push({ code: 'model-leverage', leverage: Math.round(diag.maxLeverage * 1000) / 1000, max: rs.maxLeverage, term: diag.leverageTerm });
  }
  return summary(rs, reasons.length > 0 ? 'blocked' : 'safe', reasons);
}

/** Attaches the check; a blocked model keeps its header but publishes no estimates. Diagnostics never leave. */
export function applyRulesToRegression(result: RegressionResult, rs: RuleSet): RegressionResult {
  const rules = checkRegression(result, rs);
  const { diagnostics: _diag, ...published } = result;
  if (rules.status !== 'blocked') return { ...published, rules };
  const { r2: _r2, adjR2: _adj, neg2LL: _ll, ...rest } = published;
  return { ...rest, coefficients: [], rules };
}

export interface LinkingKeyHit {
  name: string;
  reason: string;
  /** The hit as a message naming the variable (see shared/i18n). */
  message?: DisclosureMessage;
}

/** Suffixes that keep a short key recognisable: BEIDNR, BRIN_NUMMER, RINPERSOONS, RINADRES2. */
const KEY_SUFFIX = /^(s|nr|nummer|id|code|\d+)?$/;
/** Keys long and distinctive enough to match anywhere at a token's start or end. */
const LONG_KEY = 8;

function tokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

/**
 * Why `name` looks like a linking key, or null. Case-insensitive. A key matches a name token (split
 * on separators and camelCase) exactly or followed by a short suffix (BEIDNR, brin_nummer); long
 * keys such as RINPERSOON also match as any prefix or suffix of a token or of the whole name
 * (rinpersoons_ma, kind_rinpersoon). Short keys are not matched inside words, so ARBEID does not
 * trip BEID.
 */
export function linkingKeyReason(name: string, keys: readonly string[]): string | null {
  const key = linkingKeyMatch(name, keys);
  return key === null ? null : `looks like linking key ${key}`;
}

/** The linking key (upper case) that `name` looks like, or null; see linkingKeyReason. */
export function linkingKeyMatch(name: string, keys: readonly string[]): string | null {
  const whole = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const toks = tokens(name);
  for (const raw of keys) {
    const key = raw.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (key.length === 0) continue;
    const hit =
      toks.some((t) => t.startsWith(key) && KEY_SUFFIX.test(t.slice(key.length))) ||
      whole === key ||
      (key.length >= LONG_KEY && (whole.startsWith(key) || whole.endsWith(key) || toks.some((t) => t.startsWith(key) || t.endsWith(key))));
    if (hit) return raw.toUpperCase();
  }
  return null;
}

/**
 * Variables that may not appear in any export: names that match a linking key, and variables the
 * user (or the importer) marked with role 'id' or 'key'.
 */
export function checkLinkingKeys(
  variableNames: readonly string[],
  metas: readonly Pick<VariableMeta, 'name' | 'role'>[] | undefined,
  rs: RuleSet,
): { ok: boolean; hits: LinkingKeyHit[] } {
  if (rs.name === 'none') return { ok: true, hits: [] };
  const roles = new Map((metas ?? []).map((m) => [m.name.toLowerCase(), m.role]));
  const hits: LinkingKeyHit[] = [];
  for (const name of variableNames) {
    const role = roles.get(name.toLowerCase());
    if (role === 'id' || role === 'key') {
      hits.push({ name, reason: `marked as identifier (role ${role})`, message: { code: 'identifier-role', variable: name, role } });
      continue;
    }
    const key = linkingKeyMatch(name, rs.linkingKeys);
    if (key) hits.push({ name, reason: `looks like linking key ${key}`, message: { code: 'linking-key', variable: name, key } });
  }
  return { ok: hits.length === 0, hits };
}

/** The hits as reasons: "NAME: why". */
export function keyMessages(hits: readonly LinkingKeyHit[]): DisclosureMessage[] {
  return hits.map((h) => h.message ?? { code: 'text', text: `${h.name}: ${h.reason}` });
}
