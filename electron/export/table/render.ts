/**
 * Tables for CSV, HTML and the clipboard: computed and checked exactly as in the tabellenboek (same
 * spec, same engine, same output rules), then rendered by the pure formatters. Blocked tables are
 * left out and reported.
 */
import type { Dataset } from '../../../shared/model/dataset';
import type { RuleSet } from '../../../shared/disclosure/index';
import type { BookSpec } from '../../../shared/book/book';
import type { TableModel } from '../../../shared/format/table-model';
import { tableToCsv } from '../../../shared/format/csv';
import { tableToHtml } from '../../../shared/format/html';
import { tableToTsv } from '../../../shared/format/clipboard';
import { computeBook } from '../book/compute';
import { defaultApplyRules, defaultBanner } from '../book/engine-defaults';
import type { BannerFn, GroupRulesFn, RulesFn } from '../book/engine';
import { formatDate, tableModels } from '../book/models';

export type TableFormat = 'csv' | 'html' | 'tsv' | 'clipboard';

export interface RenderedTables {
  /** CSV, HTML or tab-separated text; for 'clipboard' the tab-separated text. */
  text: string;
  /** For 'clipboard': the HTML flavour. */
  html?: string;
  tables: { variable: string; status: 'safe' | 'suppressed' | 'blocked'; reason?: string; suppressedCells: number }[];
}

export interface RenderOptions {
  ruleSet: RuleSet;
  /** CSV: 'nl' = `;` and decimal comma, 'en' = `,` and decimal point. */
  dialect?: 'nl' | 'en';
  now?: Date;
  banner?: BannerFn;
  applyRules?: RulesFn;
  /** The rules on the group of tables (default the engine's; overrideGroupRules adds overrides). */
  applyGroupRules?: GroupRulesFn;
}

export function renderTables(ds: Dataset, spec: BookSpec, format: TableFormat, opts: RenderOptions): RenderedTables {
  const computed = computeBook(ds, spec, {
    banner: opts.banner ?? defaultBanner,
    applyRules: opts.applyRules ?? defaultApplyRules,
    applyGroupRules: opts.applyGroupRules,
    ruleSet: opts.ruleSet,
  });
  const all = tableModels(computed, spec, formatDate(opts.now ?? new Date(), spec.language));
  const models = all.filter((m): m is TableModel => m !== null);
  const tables = computed.tables.map((t, i) => ({ variable: t.variable, status: t.status, reason: t.reason, suppressedCells: all[i]?.suppressedCells ?? 0 }));
  const { symbols, language } = spec;
  switch (format) {
    case 'csv':
      return { text: tableToCsv(models, { dialect: opts.dialect ?? language, symbols }), tables };
    case 'html':
      return { text: tableToHtml(models, { symbols, language, title: spec.title }), tables };
    case 'tsv':
      return { text: models.map((m) => tableToTsv(m, symbols, language)).join('\n'), tables };
    case 'clipboard':
      return {
        text: models.map((m) => tableToTsv(m, symbols, language)).join('\n'),
        html: tableToHtml(models, { symbols, language, fragment: true }),
        tables,
      };
  }
}
