export type { CsvEncoding } from './decode';
export { previewCsv, readCsv, type CsvPreview, type CsvReadOptions } from './read';
export { type ColumnType, type CsvOptions, type Delimiter, sniffCsv } from './sniff';
