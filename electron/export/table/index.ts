export { renderTables, type RenderOptions, type RenderedTables, type TableFormat } from './render';
export { writeTableFile } from './write';
export { renderLayered, layeredBlocks, type LayeredExportOptions, type LayeredFormat, type LayeredStats, type RenderedLayers } from './layered';
