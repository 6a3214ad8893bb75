/**
 * The backend's state: which project is open, the datasets loaded from it (cached as typed arrays, so
 * paging and tables never reread the store), and the recent-projects list.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Dataset } from '../../shared/model/dataset';
import { defaultRuleSet, ruleSetSchema, type RuleSet } from '../../shared/disclosure/index';
import { ProjectError, ProjectStore } from '../store/project-store';
import { HandlerError, type Session } from './context';
import { SaveTargets } from './save-targets';

const MAX_RECENT = 10;

export class AppSession implements Session {
  private current: ProjectStore | null = null;
  private readonly cache = new Map<string, Dataset>();
  /** Files the user chose to export to (save-targets.ts). */
  readonly saveTargets = new SaveTargets();

  /** `configDir` holds recent.json; tests pass a temp folder. */
  constructor(private readonly configDir: string) {}

  store(): ProjectStore {
    if (!this.current) throw new HandlerError('no-project', 'No project is open. Open or create a project first.');
    return this.current;
  }

  isOpen(): boolean {
    return this.current !== null;
  }

  dataset(name: string): Dataset {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const ds = this.store().loadDataset(name);
    this.cache.set(name, ds);
    return ds;
  }

  invalidate(name: string): void {
    this.cache.delete(name);
  }

  ruleSet(): RuleSet {
    const stored = this.current?.getSetting<unknown>('ruleSet');
    if (stored) {
      const parsed = ruleSetSchema.safeParse(stored);
      if (parsed.success) return parsed.data as RuleSet;
    }
    return defaultRuleSet('cbs-persons');
  }

  /** `replaceEmpty`: an empty file at `path` (ProjectError 'empty-project') becomes a new project. */
  open(path: string, options: { replaceEmpty?: boolean } = {}): ProjectStore {
    let store: ProjectStore;
    try {
      store = ProjectStore.open(path);
    } catch (e) {
      if (!(options.replaceEmpty && e instanceof ProjectError && e.code === 'empty-project')) throw e;
      store = ProjectStore.create(path, { replaceEmpty: true });
    }
    this.replace(store);
    return store;
  }

  create(path: string, options: { replaceEmpty?: boolean } = {}): ProjectStore {
    const store = ProjectStore.create(path, options);
    this.replace(store);
    return store;
  }

  close(): void {
    this.current?.close();
    this.current = null;
    this.cache.clear();
  }

  private replace(store: ProjectStore): void {
    this.close();
    this.current = store;
    this.remember(store.path);
  }

  recent(): string[] {
    const file = join(this.configDir, 'recent.json');
    if (!existsSync(file)) return [];
    try {
      const list = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return [];
    }
  }

  private remember(path: string): void {
    const list = [path, ...this.recent().filter((p) => p !== path)].slice(0, MAX_RECENT);
    const file = join(this.configDir, 'recent.json');
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(list, null, 2), { mode: 0o600 });
    renameSync(tmp, file);
  }
}
