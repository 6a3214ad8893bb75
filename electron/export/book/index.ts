/** Tabellenboek export: `writeBook` for the CLI (`duiding book`), the handlers and the bench. */
export { writeBook, type BookProgress, type WriteBookOptions } from './write-book';
export type { BookReport, BookTableReport } from '../../../shared/book/book';
export { tableModels, formatDate } from './models';
export { computeBook, resolveQuestions, type ComputedBook, type ComputedTable, type TableStatus } from './compute';
export type { BannerFn, BannerOptions, GroupRulesFn, RulesFn } from './engine';
export { defaultGroupRules, overrideGroupRules } from './group-rules';
