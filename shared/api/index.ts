/**
 * THE contract between renderer and backend: every call's name, request schema and result type, and
 * every event. Each domain keeps its calls in shared/api/<domain>.ts; this file joins them.
 */
import { projectSection } from './project';
import { analysisSection } from './analysis';
import { importSection } from './import';
import { datasetExportSection } from './dataset-export';
import { rulesSection } from './rules';
import { panelSection } from './panel';
import { exportsSection } from './exports';
import { chartsSection } from './charts';
import { transformSection } from './transform';
import { specsSection } from './specs';
import { booksSection } from './books';
import { filesSection } from './files';
import { mrSetsSection } from './mrsets';
import { weightingSection } from './weighting';
import type { CallDef, RequestOf, ResultOf } from './contract';

export const contract = {
  ...projectSection,
  ...analysisSection,
  ...exportsSection,
  ...chartsSection,
  ...importSection,
  ...datasetExportSection,
  ...rulesSection,
  ...panelSection,
  ...transformSection,
  ...specsSection,
  ...booksSection,
  ...filesSection,
  ...mrSetsSection,
  ...weightingSection,
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
