/**
 * THE contract between renderer and backend: every call's name, request schema and result type, and
 * every event. Each domain keeps its calls in shared/api/<domain>.ts; this file joins them.
 */
import { projectSection } from './api/project';
import { analysisSection } from './api/analysis';
import { layersSection } from './api/layers';
import { importSection } from './api/import';
import { datasetExportSection } from './api/dataset-export';
import { rulesSection } from './api/rules';
import { panelSection } from './api/panel';
import { exportsSection } from './api/exports';
import { chartsSection } from './api/charts';
import { uiSection } from './api/ui';
import { filesSection } from './api/files';
import type { CallDef, RequestOf, ResultOf } from './api/contract';

export const contract = {
  ...projectSection,
  ...analysisSection,
  ...layersSection,
  ...exportsSection,
  ...chartsSection,
  ...importSection,
  ...datasetExportSection,
  ...rulesSection,
  ...panelSection,
  ...uiSection,
  ...filesSection,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type Request<N extends CallName> = RequestOf<Contract[N]>;
export type Result<N extends CallName> = ResultOf<Contract[N]>;
export const callNames = Object.keys(contract) as CallName[];

/** Events pushed from backend to renderer. */
export interface Events {
  'job.progress': { jobId: string; phase: string; done: number; total: number; unit: 'bytes' | 'cases' | 'tables' };
  'job.done': { jobId: string; ok: boolean; error?: string; result?: unknown };
  'project.changed': { reason: string };
}
export type EventName = keyof Events;
export const eventNames: EventName[] = ['job.progress', 'job.done', 'project.changed'];

export type { CallDef };
