export { buildChart, buildChartOption, type BuildEnv, type BuiltChart } from './build';
export type { ChartInput, CrosstabChartInput, BannerChartInput, MrChartInput, ChartData } from './data';
export { buildMrChart } from './mr-chart';
export { chartSpecSchema, chartCanvas, chartTypes, type ChartSpec, type ChartSpecInput, type ChartType, type ChartLocale, type ChartCanvas } from './spec';
export { chartStyleSchema, type ChartStyle } from './style';
export { formatNumber } from './format';
export { proportionCI, meanCI, qnorm } from './ci';
export type { MeasureText } from './layout';
