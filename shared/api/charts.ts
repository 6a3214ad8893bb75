/**
 * Charts: render a crosstab as a chart in the house style (SVG for preview and clipboard, PNG as
 * base64) or write it to a file. Both go through the same engine and output rules as every table.
 */
import { z } from 'zod';
import { call } from './contract';
import { saveToken } from './files';
import { filterExpr, ruleSetName, weightSpec } from '../query/table-query';
import { chartSpecSchema } from '../chart/spec';
import { chartStyleSchema, type ChartStyle } from '../chart/style';
import type { DisclosureSummary } from '../model/results';

const dataset = z.string().min(1).max(256);
const varName = z.string().min(1).max(256);

const chartTable = {
  dataset,
  row: varName,
  col: varName,
  weight: weightSpec.optional(),
  filter: filterExpr.optional(),
  rules: ruleSetName.optional(),
  /** Why rules below the project's are asked for (at least 10 characters); kept in the audit log. */
  rulesReason: z.string().trim().max(2000).optional(),
  spec: chartSpecSchema,
};

export const chartRenderRequest = z.object({
  ...chartTable,
  format: z.enum(['svg', 'png']).default('svg'),
  /** 'export': the chart is copied or saved from the screen — audited and recorded in the release register. */
  purpose: z.enum(['preview', 'export']).default('preview'),
});
/** `target`: the token of the file the user chose (files.saveTarget or ui.chooseSave), never a path. */
export const chartExportRequest = z.object({ ...chartTable, format: z.enum(['svg', 'png']), target: saveToken });

export interface ChartRendered {
  format: 'svg' | 'png';
  /** The SVG document (format 'svg'), sized in mm for print. */
  svg?: string;
  /** Base64 PNG with its DPI recorded (format 'png'). */
  png?: string;
  widthPx: number;
  heightPx: number;
  /** Drawn cells withheld by the output rules. */
  suppressed: number;
  rules: DisclosureSummary;
}

export interface ChartExported {
  path: string;
  format: 'svg' | 'png';
  widthPx: number;
  heightPx: number;
  suppressed: number;
  rules: DisclosureSummary;
}

export const chartsSection = {
  'chart.render': call<ChartRendered>()(chartRenderRequest),
  'chart.export': call<ChartExported>()(chartExportRequest),
  /** The project's house style, or the bundled default when it has none (or no project is open). */
  'chart.style': call<ChartStyle>()(z.object({})),
  /** Saves the house style in the open project; every later chart of the project uses it. */
  'chart.saveStyle': call<ChartStyle>()(z.object({ style: chartStyleSchema })),
};
