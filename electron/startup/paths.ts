import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

/** Where Duiding keeps its own files (recent list, the demo project): $DUIDING_HOME or ~/.duiding. */
export function appHome(): string {
  return process.env.DUIDING_HOME ?? join(homedir(), '.duiding');
}

/** The repository (or packaged app) root: the first folder upwards that has package.json. */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return resolve('.');
}

export function rendererDir(): string {
  return process.env.DUIDING_RENDERER ?? join(appRoot(), 'dist', 'renderer');
}
