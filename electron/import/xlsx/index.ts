export { listSheets, readXlsx, type XlsxReadOptions } from './read';
