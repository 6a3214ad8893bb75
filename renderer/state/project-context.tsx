/**
 * The open project and the chosen dataset, shared by every screen. Metadata (DatasetInfo) is fetched
 * once per dataset and refetched after edits, undo/redo or a `project.changed` event.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ProjectSummary } from '../../shared/api/project';
import type { DatasetInfo } from '../../shared/model/dataset';
import { ApiError, invoke, on, toApiError } from '../api/client';

export interface ProjectState {
  project: ProjectSummary | null;
  dataset: string | null;
  info: DatasetInfo | null;
  /** Bumped whenever data or metadata may have changed; views use it to refetch rows. */
  version: number;
  loading: boolean;
  error: ApiError | null;
  setDataset(name: string): void;
  refresh(): Promise<void>;
}

const Ctx = createContext<ProjectState | null>(null);
const DATASET_KEY = 'duiding.dataset';

export function ProjectProvider({ children }: { children: ReactNode }) {
  const [project, setProject] = useState<ProjectSummary | null>(null);
  const [dataset, setDatasetState] = useState<string | null>(null);
  const [info, setInfo] = useState<DatasetInfo | null>(null);
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const datasetRef = useRef<string | null>(null);

  const load = useCallback(async (wanted: string | null) => {
    setLoading(true);
    try {
      const p = await invoke('project.current', {});
      setProject(p);
      const names = p?.datasets.map((d) => d.name) ?? [];
      const name = wanted && names.includes(wanted) ? wanted : (names[0] ?? null);
      datasetRef.current = name;
      setDatasetState(name);
      if (name) sessionStorage.setItem(DATASET_KEY, name);
      setInfo(name ? await invoke('dataset.info', { dataset: name }) : null);
      setVersion((v) => v + 1);
      setError(null);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(sessionStorage.getItem(DATASET_KEY));
    return on('project.changed', () => void load(datasetRef.current));
  }, [load]);

  const value = useMemo<ProjectState>(
    () => ({
      project,
      dataset,
      info,
      version,
      loading,
      error,
      setDataset: (name) => void load(name),
      refresh: () => load(datasetRef.current),
    }),
    [project, dataset, info, version, loading, error, load],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useProject(): ProjectState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useProject outside ProjectProvider');
  return v;
}
