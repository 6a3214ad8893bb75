/** Writes a chart to .svg or .png (chosen by extension), atomically: temp file, then rename. */
import type { EChartsOption } from 'echarts';
import { extname } from 'node:path';
import { chartCanvas } from '../../../shared/chart/spec';
import { writeFileAtomic } from '../atomic-write';
import { renderChartPng, renderChartSvg, svgForPrint } from './render';

export type ChartFormat = 'svg' | 'png';

export interface ChartFileSize {
  widthMm: number;
  heightMm: number;
  dpi: number;
}

export interface WrittenChart {
  path: string;
  format: ChartFormat;
  /** Raster size at the DPI: the PNG's pixels (an SVG is drawn at the same physical size). */
  widthPx: number;
  heightPx: number;
}

export function chartFormatOf(path: string): ChartFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.svg') return 'svg';
  if (ext === '.png') return 'png';
  throw new Error(`chart output must end in .svg or .png, not '${ext || path}'`);
}

/** The file's bytes without writing: the SVG at print size, or the PNG with its DPI. */
export function renderChartFile(format: ChartFormat, option: EChartsOption, size: ChartFileSize): Buffer {
  const c = chartCanvas(size);
  const svg = renderChartSvg(option, { widthPx: c.cssWidth, heightPx: c.cssHeight });
  return format === 'svg' ? Buffer.from(svgForPrint(svg, size), 'utf8') : renderChartPng(svg, size);
}

/** `beforeRename`: runs when the file is complete (its audit entry); when it throws, the file is not written. */
export async function writeChart(path: string, option: EChartsOption, size: ChartFileSize, beforeRename?: () => void): Promise<WrittenChart> {
  const format = chartFormatOf(path);
  const bytes = renderChartFile(format, option, size);
  await writeFileAtomic(path, bytes, beforeRename);
  const c = chartCanvas(size);
  return { path, format, widthPx: c.pixelWidth, heightPx: c.pixelHeight };
}
