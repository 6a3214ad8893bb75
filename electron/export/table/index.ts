export { renderTables, type RenderOptions, type RenderedTables, type TableFormat } from './render';
export { writeTableFile } from './write';
