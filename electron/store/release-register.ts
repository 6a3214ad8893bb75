/**
 * The release register (migration 004): every table that left the app, by dataset, row variable,
 * banner and the filter it was made under. Tables are checked against it so that two releases of the
 * same rows and banner under different filters cannot be subtracted from each other to reveal a
 * small group (shared/disclosure/primary/differences.ts). Rows are only ever added.
 */
import type Database from 'better-sqlite3';
import type { BannerSpec } from '../../shared/query/table-query';

export interface Release {
  action: string;
  dataset: string;
  row: string;
  banner: BannerSpec;
  /** The full selection as a filter expression ('' for all rows). */
  filter: string;
}

/** The register's identity of a banner: Totaal and its items, in order, as canonical JSON. */
export function bannerKey(banner: BannerSpec): string {
  return JSON.stringify({ total: banner.total, items: banner.items.map((it) => ('variable' in it ? { variable: it.variable } : { nest: [...it.nest] })) });
}

export class ReleaseRegister {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  record(releases: readonly Release[]): void {
    const insert = this.db.prepare('INSERT INTO release_register (at, action, dataset, row_variable, banner, filter) VALUES (?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      const at = this.now();
      for (const r of releases) insert.run(at, r.action, r.dataset, r.row, bannerKey(r.banner), r.filter.trim());
    })();
  }

  /** Rows recorded so far (a cache of computed tables is stale once this grows). */
  size(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM release_register').get() as { n: number }).n;
  }

  /** The distinct filters under which tables of `row` × `banner` of `dataset` were released. */
  filters(dataset: string, row: string, banner: BannerSpec): string[] {
    const rows = this.db
      .prepare('SELECT DISTINCT filter FROM release_register WHERE dataset = ? AND lower(row_variable) = lower(?) AND banner = ? ORDER BY filter')
      .all(dataset, row, bannerKey(banner)) as { filter: string }[];
    return rows.map((r) => r.filter);
  }
}
