/**
 * Applying recorded overrides: the released cells are taken out of primary suppression and treated
 * as published (known to the intruder), and the rules run again, so secondary suppression is chosen
 * afresh and is only as large as the remaining primary cells need — cells that only protected a
 * released cell are published again. The LP audit still proves every remaining suppressed cell.
 * Released cells are marked (`overridden`) and listed with their reason in `rules.overrides`.
 *
 * Only interior cells (including the Totaal column) can be released, not column bases: a base is
 * shared by every table of the same banner (apply/banner-group.ts), and releasing it in one table would
 * undo the others' protection.
 */
import type { DisclosureMessage } from '../../i18n/message-types';
import type { AppliedOverride, BannerResult, CrosstabTable, DisclosureSummary } from '../../model/results';
import { applyRulesToBanner, type BannerRuleOptions } from '../apply/one-banner';
import { applyRulesToBanners } from '../apply/banner-group';
import { applyRulesToCrosstab, type CrosstabRuleOptions } from '../apply/crosstab';
import { withReasons } from '../primary/result-checks';
import { bannerLayout } from '../secondary/banner-layout';
import { crosstabLayout } from '../secondary/linear-table';
import { overrideKey, type OverrideRecord } from './override';
import { bannerCountView, bannerIdentity, crosstabCountView, crosstabIdentity, matchOverrides, type OverrideMatch } from './match';
import type { RuleSet } from '../rules';

const dateOf = (iso: string) => iso.slice(0, 10);

function candidates(key: string, overrides: readonly OverrideRecord[]): OverrideRecord[] {
  return overrides.filter((o) => o.key === key);
}

/** The overrides that apply to a raw banner, and those that no longer do. */
export function matchBanner(dataset: string, raw: BannerResult, rs: RuleSet, overrides: readonly OverrideRecord[]): OverrideMatch {
  const mine = rs.name === 'none' ? [] : candidates(overrideKey(bannerIdentity(dataset, raw, rs)), overrides);
  return mine.length === 0 ? { applied: [], stale: [] } : matchOverrides(bannerCountView(raw), mine);
}

export function matchCrosstab(dataset: string, raw: CrosstabTable, rs: RuleSet, overrides: readonly OverrideRecord[]): OverrideMatch {
  const mine = rs.name === 'none' ? [] : candidates(overrideKey(crosstabIdentity(dataset, raw, rs)), overrides);
  return mine.length === 0 ? { applied: [], stale: [] } : matchOverrides(crosstabCountView(raw), mine);
}

function bannerRelease(raw: BannerResult, m: OverrideMatch): Set<number> {
  if (m.applied.length === 0) return new Set();
  const layout = bannerLayout(raw.rows.length, raw.columns, raw.nets, raw.sets);
  const out = new Set<number>();
  for (const o of m.applied) {
    for (const c of o.cells) {
      const i = raw.rows.findIndex((r) => String(r.code) === String(c.row));
      const k = raw.columns.findIndex((col) => col.key === c.col);
      if (i >= 0 && k >= 0) out.add(layout.interior(i, k));
    }
  }
  return out;
}

function crosstabRelease(raw: CrosstabTable, m: OverrideMatch): Set<number> {
  if (m.applied.length === 0) return new Set();
  const layout = crosstabLayout(raw.rows.length, raw.cols.length);
  const out = new Set<number>();
  for (const o of m.applied) {
    for (const c of o.cells) {
      const i = raw.rows.findIndex((r) => String(r.code) === String(c.row));
      const j = raw.cols.findIndex((col) => `${raw.colVariable ?? ''}=${String(col.code)}` === c.col);
      if (i < 0) continue;
      if (c.col === 'total') out.add(layout.rowTotal(i));
      else if (j >= 0) out.add(layout.interior(i, j));
    }
  }
  return out;
}

/** Adds the applied overrides (those with a published cell) and the stale ones to the summary. */
function noteOverrides(rules: DisclosureSummary, m: OverrideMatch, published: (row: string, col: string) => boolean): DisclosureSummary {
  const applied: AppliedOverride[] = [];
  const notes: DisclosureMessage[] = [];
  for (const o of m.applied) {
    const cells = o.cells.filter((c) => published(String(c.row), c.col));
    if (cells.length === 0) {
      notes.push({ code: 'override-blocked', date: dateOf(o.createdAt) });
      continue;
    }
    applied.push({ id: o.id, reason: o.reason, createdAt: o.createdAt, cells: cells.map((c) => ({ ...c })) });
    notes.push({ code: 'override-released', n: cells.length, date: dateOf(o.createdAt), reason: o.reason });
  }
  for (const s of m.stale) notes.push(s.message);
  if (applied.length === 0 && notes.length === 0) return rules;
  return { ...withReasons(rules, notes), ...(applied.length > 0 ? { overrides: applied } : {}) };
}

function markBanner(raw: BannerResult, out: BannerResult, m: OverrideMatch): BannerResult {
  if (m.applied.length === 0 && m.stale.length === 0) return out;
  const released = new Set(m.applied.flatMap((o) => o.cells.map((c) => `${String(c.row)}\u0000${c.col}`)));
  const cells = out.cells.map((row, i) =>
    row.map((c, k) => (released.has(`${String(raw.rows[i].code)}\u0000${raw.columns[k].key}`) && !c.suppressed ? { ...c, overridden: true } : c)),
  );
  const published = (row: string, col: string) => {
    const i = raw.rows.findIndex((r) => String(r.code) === row);
    const k = raw.columns.findIndex((c) => c.key === col);
    return i >= 0 && k >= 0 && !out.cells[i][k].suppressed;
  };
  return { ...out, cells, rules: noteOverrides(out.rules, m, published) };
}

/** One banner with its overrides (for callers that apply rules table by table). */
export function applyOverridesToBanner(
  raw: BannerResult,
  rs: RuleSet,
  dataset: string,
  overrides: readonly OverrideRecord[],
  opts: BannerRuleOptions = {},
): BannerResult {
  const m = matchBanner(dataset, raw, rs, overrides);
  const out = applyRulesToBanner(raw, rs, { ...opts, release: bannerRelease(raw, m) });
  return markBanner(raw, out, m);
}

/** Several banners of one request or book, bases kept consistent (applyRulesToBanners). */
/** `options(t)`: further rule options of table t (differencing references). */
export function applyOverridesToBanners(
  raws: readonly BannerResult[],
  rs: RuleSet,
  dataset: string,
  overrides: readonly OverrideRecord[],
  options?: (t: number) => Omit<BannerRuleOptions, 'hideBases' | 'release'>,
): BannerResult[] {
  const matches = raws.map((r) => matchBanner(dataset, r, rs, overrides));
  const releases = raws.map((r, t) => bannerRelease(r, matches[t]));
  const out = applyRulesToBanners(raws, rs, (t) => ({ ...options?.(t), release: releases[t] }));
  return out.map((o, t) => markBanner(raws[t], o, matches[t]));
}

export function applyOverridesToCrosstab(
  raw: CrosstabTable,
  rs: RuleSet,
  dataset: string,
  overrides: readonly OverrideRecord[],
  options: Omit<CrosstabRuleOptions, 'release'> = {},
): CrosstabTable {
  const m = matchCrosstab(dataset, raw, rs, overrides);
  const out = applyRulesToCrosstab(raw, rs, { ...options, release: crosstabRelease(raw, m) });
  if (m.applied.length === 0 && m.stale.length === 0) return out;
  const colKey = (j: number) => `${raw.colVariable ?? ''}=${String(raw.cols[j].code)}`;
  const released = new Set(m.applied.flatMap((o) => o.cells.map((c) => `${String(c.row)}\u0000${c.col}`)));
  const isReleased = (i: number, col: string) => released.has(`${String(raw.rows[i].code)}\u0000${col}`);
  const overridden = out.suppressed.map((row, i) => row.map((s, j) => !s && isReleased(i, colKey(j))));
  const published = (row: string, col: string) => {
    const i = raw.rows.findIndex((r) => String(r.code) === row);
    if (i < 0) return false;
    if (col === 'total') return out.rowTotals[i] !== null;
    const j = raw.cols.findIndex((_c, jj) => colKey(jj) === col);
    return j >= 0 && !out.suppressed[i][j];
  };
  return { ...out, overridden, rules: noteOverrides(out.rules, m, published) };
}
