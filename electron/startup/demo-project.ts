/** The project the app opens on first start: the bundled demo panel, generated deterministically. */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '../../resources/demo/generate';
import demoBook from '../../resources/demo/book.json';
import { ProjectStore } from '../store/project-store';

export function ensureDemoProject(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'demo.duiding');
  if (existsSync(path)) return path;
  const tmp = join(dir, `demo.${process.pid}.tmp.duiding`);
  const store = ProjectStore.create(tmp);
  store.saveDataset(generateDemo(), { source: { name: 'resources/demo/generate.ts', size: 0, sha256: 'generated' }, action: 'import' });
  // The demo's tabellenboek, saved under its title as a researcher would keep it (Tabellenboek view).
  store.saveSpec({ kind: 'book', name: demoBook.title, folder: '', body: demoBook });
  store.close();
  // Made under a temporary name and renamed, so a crash never leaves a half-made demo project behind.
  renameSync(tmp, path);
  for (const ext of ['-wal', '-shm']) rmSync(tmp + ext, { force: true });
  return path;
}
