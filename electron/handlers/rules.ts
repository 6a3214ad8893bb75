/** Reading and changing the project's output rules; every change is audited, loosening needs a reason. */
import { rawBanner } from '../../shared/analysis/run-banner';
import type { OverrideView } from '../../shared/api/rules';
import { applyOverridesToBanners, matchBanner } from '../../shared/disclosure/index';
import type { OverrideRecord, OverrideTarget } from '../../shared/disclosure/index';
import { prepareOverride } from '../../shared/disclosure/index';
import { defaultRuleSet, loosens, type RuleSet } from '../../shared/disclosure/index';
import type { BannerResult } from '../../shared/model/results';
import { HandlerError, type Session } from '../backend/context';
import type { AppContext, SectionHandlers } from '../backend/types';
import type { rulesSection } from '../../shared/api/rules';

export { loosens } from '../../shared/disclosure/index';

function save(ctx: AppContext, next: RuleSet, reason: string): RuleSet {
  const prev = ctx.session.ruleSet();
  if (loosens(prev, next) && reason.length < 10) {
    throw new HandlerError('reason-required', 'Loosening the output rules needs a written reason (at least 10 characters); it is kept in the audit log.');
  }
  // The audit keeps the rule names and public thresholds; dominance parameters are confidential and stay in the settings only.
  const publicPart = (r: RuleSet) => ({
    name: r.name,
    minCount: r.minCount,
    minDf: r.minDf,
    maxLeverage: r.maxLeverage,
    suppressSmallBase: r.suppressSmallBase,
    linkingKeys: r.linkingKeys,
  });
  ctx.session.store().setSetting('ruleSet', next, { action: 'rules.change', from: publicPart(prev), to: publicPart(next), reason });
  ctx.emit('project.changed', { reason: 'rules' });
  return next;
}

/**
 * The project's recorded overrides, for every path out that applies the rules (tables, exports, the
 * book, charts). None without an open project (the built-in demo): nothing can have been recorded.
 */
export function projectOverrides(session: Session): OverrideRecord[] {
  let store;
  try {
    store = session.store();
  } catch {
    return [];
  }
  return store.overrides().list();
}

/** The target table before the rules, under the project's rule set. */
function rawTarget(session: Session, target: OverrideTarget, rs: RuleSet): BannerResult {
  const ds = session.dataset(target.dataset);
  return rawBanner(ds, { row: target.row, banner: target.columns, weight: target.weight ?? undefined, filter: target.filter ?? undefined }, rs);
}

const view = ({ key: _k, fingerprint: _f, ...rest }: OverrideRecord): OverrideView => rest;

export const rulesHandlers: SectionHandlers<typeof rulesSection> = {
  'rules.get': async (_args, { session }) => session.ruleSet(),
  'rules.set': async ({ ruleSet, reason }, ctx) => save(ctx, ruleSet as RuleSet, reason),
  'rules.reset': async ({ name, reason }, ctx) => save(ctx, defaultRuleSet(name), reason),
  'rules.override.add': async ({ target, cells, reason }, ctx) => {
    const store = ctx.session.store();
    const rs = ctx.session.ruleSet();
    const raw = rawTarget(ctx.session, target, rs);
    const published = applyOverridesToBanners([raw], rs, target.dataset, store.overrides().list())[0];
    // An OverrideError (the cell cannot be released) reaches the user with its code: dispatch maps it.
    const prepared = prepareOverride(raw, published, rs, target, cells, reason);
    const record = store.overrides().add(prepared);
    ctx.emit('project.changed', { reason: 'rules' });
    return { ...view(record), status: 'applied' as const };
  },
  'rules.override.list': async ({ target }, { session }) => {
    const all = projectOverrides(session);
    if (!target || all.length === 0) return all.map(view);
    const rs = session.ruleSet();
    const m = matchBanner(target.dataset, rawTarget(session, target, rs), rs, all);
    return [
      ...m.applied.map((o) => ({ ...view(o), status: 'applied' as const })),
      ...m.stale.map((s) => ({ ...view(s.override), status: 'stale' as const, why: s.why, whyMessage: s.whyMessage })),
    ].sort((a, b) => a.id - b.id);
  },
  'rules.override.remove': async ({ id, reason }, ctx) => {
    const removed = ctx.session.store().overrides().remove(id, reason);
    if (!removed) throw new HandlerError('not-found', `No override with id ${id}`);
    ctx.emit('project.changed', { reason: 'rules' });
    return { removed: id };
  },
};
