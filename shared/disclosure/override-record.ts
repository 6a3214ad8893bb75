/**
 * Turning a user's request to release cells into the record the store keeps: the cells are checked
 * against the table as it is now published (only cells withheld by a primary rule can be released),
 * and their unweighted counts and the table's fingerprint are taken from the raw table, so the
 * override applies to exactly this table and no changed version of it.
 */
import type { BannerResult } from '../model/results';
import { overrideKey, type OverrideCell, type OverrideRecord, type OverrideTarget, type RecordedCell } from './override';
import { bannerCountView, bannerIdentity } from './override-match';
import type { RuleSet } from './rules';

export class OverrideError extends Error {
  constructor(
    readonly code: 'no-rules' | 'unknown-cell' | 'not-primary' | 'blocked',
    message: string,
  ) {
    super(message);
    this.name = 'OverrideError';
  }
}

export type NewOverride = Omit<OverrideRecord, 'id' | 'createdAt'>;

/**
 * `raw`: the banner before the rules; `published`: the same banner with the rules and the overrides
 * already recorded applied (what the user sees when choosing cells).
 */
export function prepareOverride(
  raw: BannerResult,
  published: BannerResult,
  rs: RuleSet,
  target: OverrideTarget,
  cells: readonly OverrideCell[],
  reason: string,
): NewOverride {
  if (rs.name === 'none') throw new OverrideError('no-rules', 'No output rules are active, so there is nothing to release.');
  if (published.rules.status === 'blocked') {
    throw new OverrideError('blocked', `This table is withheld as a whole (${published.rules.reasons.join('; ')}); single cells cannot be released.`);
  }
  const view = bannerCountView(raw);
  const seen = new Set<string>();
  const recorded: RecordedCell[] = [];
  for (const c of cells) {
    const key = `${String(c.row)}\u0000${c.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const i = raw.rows.findIndex((r) => String(r.code) === String(c.row));
    const k = raw.columns.findIndex((col) => col.key === c.col);
    if (i < 0 || k < 0) throw new OverrideError('unknown-cell', `The table has no cell (${String(c.row)}, ${c.col}).`);
    const shown = published.cells[i][k];
    const { rowLabel, colLabel } = view.labels(raw.rows[i].code, c.col);
    if (!shown.suppressed || shown.suppression !== 'primary') {
      const what = shown.suppressed ? 'is withheld only to protect another cell' : 'is already published';
      throw new OverrideError('not-primary', `Cell ${rowLabel} / ${colLabel} ${what}; only cells withheld by a primary rule can be released.`);
    }
    recorded.push({ row: raw.rows[i].code, col: c.col, rowLabel, colLabel, count: view.count(raw.rows[i].code, c.col) ?? 0 });
  }
  return {
    key: overrideKey(bannerIdentity(target.dataset, raw, rs)),
    target,
    ruleSet: { name: rs.name, minCount: rs.minCount },
    cells: recorded,
    fingerprint: view.fingerprint,
    reason: reason.trim(),
  };
}
