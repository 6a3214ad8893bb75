/** Layering that the compiler alone does not enforce: who may import 'electron'. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx|mjs)$/.test(name) ? [p] : [];
  });
}

describe('layering', () => {
  it("only electron/main.ts and electron/preload.ts import 'electron'", () => {
    const offenders = ['electron', 'renderer', 'shared', 'resources']
      .flatMap((d) => sources(join(root, d)))
      .filter((f) => /from ['"]electron['"]|require\(['"]electron['"]\)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f))
      .filter((f) => f !== 'electron/main.ts' && f !== 'electron/preload.ts');
    expect(offenders).toEqual([]);
  });

  it('the renderer imports nothing from electron/ or Node', () => {
    const offenders = sources(join(root, 'renderer'))
      .filter((f) => /from ['"](\.\.\/)+electron\/|from ['"]node:|from ['"](fs|path|child_process)['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
