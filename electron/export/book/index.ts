/** Tabellenboek export: `writeBook` for the CLI (`duiding book`), the handlers and the bench. */
export { writeBook, type BookProgress, type WriteBookOptions } from './write-book';
export type { BookReport, BookTableReport } from '../../../shared/book/book';
export { tableModels, formatDate } from '../../../shared/book/models';
export { computeBook, resolveQuestions, type ComputedBook, type ComputedTable } from '../../../shared/book/compute';
