/**
 * The release register from the handlers: which filters tables of the same rows and banner already
 * left the app under (the route compares new tables with them), and recording what leaves now. Without
 * an open project (the built-in demo) there is no register; with one, a release that cannot be
 * recorded fails like a missing audit entry.
 */
import type { BannerSpec } from '../../shared/query/table-query';
import type { AppContext } from './types';

export function releasedFilters(ctx: AppContext, dataset: string, banner: BannerSpec): ((row: string) => string[]) | undefined {
  if (!ctx.session.isOpen()) return undefined;
  const register = ctx.session.store().releases();
  return (row) => register.filters(dataset, row, banner);
}

export function recordReleases(
  ctx: AppContext,
  action: string,
  dataset: string,
  rows: readonly string[],
  banner: BannerSpec,
  filter: string | undefined,
): void {
  if (!ctx.session.isOpen() || rows.length === 0) return;
  ctx.session
    .store()
    .releases()
    .record(rows.map((row) => ({ action, dataset, row, banner, filter: filter ?? '' })));
}
