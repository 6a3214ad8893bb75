/** The real engine functions a book uses unless a caller passes its own. */
import { applyRulesToBanner } from '../../../shared/disclosure/index';
import { banner } from '../../../shared/engine/banner';
import type { BannerFn, RulesFn } from './engine';

export const defaultBanner: BannerFn = (ds, o) => banner(ds, { ...o, weight: o.weight ?? undefined });

export const defaultApplyRules: RulesFn = applyRulesToBanner;
