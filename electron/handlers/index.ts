/** Every handler of the contract, joined: `HandlerMap` makes a call without a handler a compile error. */
import { analysisHandlers } from './analysis';
import { exportHandlers } from './exports';
import { chartHandlers } from './charts';
import { importHandlers } from './import';
import { datasetExportHandlers } from './dataset-export';
import { rulesHandlers } from './rules';
import { panelHandlers } from './panel';
import { projectHandlers } from './project';
import { transformHandlers } from './transform';
import { specsHandlers } from './specs';
import { bookHandlers } from './books';
import { filesHandlers } from './files';
import { mrSetsHandlers } from './mrsets';
import { weightingHandlers } from './weighting';
import type { HandlerMap } from '../backend/types';

export const handlers: HandlerMap = {
  ...projectHandlers,
  ...analysisHandlers,
  ...exportHandlers,
  ...chartHandlers,
  ...importHandlers,
  ...datasetExportHandlers,
  ...rulesHandlers,
  ...panelHandlers,
  ...transformHandlers,
  ...specsHandlers,
  ...bookHandlers,
  ...filesHandlers,
  ...mrSetsHandlers,
  ...weightingHandlers,
};
