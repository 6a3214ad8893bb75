/**
 * Turning a user's request to release cells into the record the store keeps: the cells are checked
 * against the table as it is now published (only cells withheld by a primary rule can be released),
 * and their unweighted counts and the table's fingerprint are taken from the raw table, so the
 * override applies to exactly this table and no changed version of it.
 */
import { reasonMessages, type DisclosureMessage } from '../../i18n/messages';
import type { BannerResult } from '../../model/results';
import { overrideKey, type OverrideCell, type OverrideRecord, type OverrideTarget, type RecordedCell } from './override';
import { bannerCountView, bannerIdentity } from './match';
import type { RuleSet } from '../rules';
import { DuidingError } from '../../errors';

export class OverrideError extends DuidingError {
  declare readonly code: 'no-rules' | 'unknown-cell' | 'not-primary' | 'blocked';
  declare readonly detail: DisclosureMessage;

  /** `detail`: the refusal as a message code (shared/i18n/messages.ts); `.message` is its English text. */
  constructor(code: OverrideError['code'], detail: DisclosureMessage) {
    super(code, detail);
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
  if (rs.name === 'none') throw new OverrideError('no-rules', { code: 'override-no-rules' });
  if (published.rules.status === 'blocked') {
    throw new OverrideError('blocked', { code: 'override-table-blocked', why: reasonMessages(published.rules) });
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
    if (i < 0 || k < 0) throw new OverrideError('unknown-cell', { code: 'override-unknown-cell', row: String(c.row), col: c.col });
    const shown = published.cells[i][k];
    const { rowLabel, colLabel } = view.labels(raw.rows[i].code, c.col);
    if (!shown.suppressed || shown.suppression !== 'primary') {
      throw new OverrideError('not-primary', { code: 'override-not-primary', row: rowLabel, col: colLabel, secondary: shown.suppressed });
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
