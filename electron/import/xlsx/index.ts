export { listSheets, previewXlsx, readXlsx, type XlsxPreview, type XlsxReadOptions } from './read';
