/**
 * Several banner tables of one book share their base row: the same banner over different questions
 * has the same column bases (when nobody skipped the question). A base withheld in one table and
 * printed in another would undo the first table's protection, so withheld bases are made
 * consistent: a base (column key + unweighted count) withheld anywhere is withheld everywhere it
 * appears with that count, repeated until no table withholds a new one.
 *
 * Limit: this makes shared bases consistent; it is not a joint audit of all tables together.
 */
import type { BannerResult } from '../../model/results';
import { applyRulesToBanner, type BannerRuleOptions } from './one-banner';
import type { RuleSet } from '../rules';

const baseKey = (key: string, count: number | null) => `${key}\u0000${String(count)}`;

/** `options(t)`: table t's released cells and differencing references (see BannerRuleOptions). */
export function applyRulesToBanners(
  results: readonly BannerResult[],
  rs: RuleSet,
  options?: (t: number) => Omit<BannerRuleOptions, 'hideBases'>,
): BannerResult[] {
  const withheld = new Set<string>();
  const maxRounds = 1 + results.reduce((s, r) => s + r.columns.length, 0);
  let out: BannerResult[] = [];
  for (let round = 0; round < maxRounds; round++) {
    out = results.map((r, t) => {
      const hideBases = new Set(r.columns.filter((c, k) => withheld.has(baseKey(c.key, r.base.count[k]))).map((c) => c.key));
      return applyRulesToBanner(r, rs, { ...options?.(t), hideBases });
    });
    const before = withheld.size;
    out.forEach((o, t) =>
      o.columns.forEach((c, k) => {
        if (o.base.count[k] === null && results[t].base.count[k] !== null) withheld.add(baseKey(c.key, results[t].base.count[k]));
      }),
    );
    if (withheld.size === before) return out;
  }
  return out;
}
