/** The prebuilt CLI (scripts/build-cli.mjs): its stamp notices every change, and it answers as the sources do. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.mjs';
import { stampIsCurrent, writeStamp } from '../../scripts/cli-stamp.mjs';
import { appRoot } from '../../electron/startup/paths';
import { cli } from '../integration/run-cli';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'duiding-cli-bundle-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('CLI stamp', () => {
  it('is current until a listed file changes in time or size, or goes', () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'b.ts'), 'export const b = 2;\n');
    writeStamp(root, root, ['a.ts', 'b.ts']);
    expect(stampIsCurrent(root, root)).toBe(true);

    utimesSync(join(root, 'a.ts'), new Date(), new Date(Date.now() + 5000));
    expect(stampIsCurrent(root, root)).toBe(false);
    writeStamp(root, root, ['a.ts', 'b.ts']);
    expect(stampIsCurrent(root, root)).toBe(true);

    // The same mtime, another size (an edit within the clock's resolution).
    const t = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'b.ts'), t, t);
    writeStamp(root, root, ['a.ts', 'b.ts']);
    writeFileSync(join(root, 'b.ts'), 'export const b = 22;\n');
    utimesSync(join(root, 'b.ts'), t, t);
    expect(stampIsCurrent(root, root)).toBe(false);

    writeStamp(root, root, ['a.ts', 'b.ts']);
    rmSync(join(root, 'a.ts'));
    expect(stampIsCurrent(root, root)).toBe(false);
    expect(stampIsCurrent(root, tempDir())).toBe(false);
  });
});

describe('CLI bundle', () => {
  it('prints what the TypeScript sources print, and a stamp that is current', async () => {
    // Outside the repository, as a fresh place; its externals (better-sqlite3, exceljs…) resolve
    // through a node_modules beside it, as dist/cli's do through the repository's.
    const root = tempDir();
    symlinkSync(join(appRoot(), 'node_modules'), join(root, 'node_modules'));
    const out = join(root, 'cli');
    await buildCli(out);
    expect(stampIsCurrent(appRoot(), out)).toBe(true);
    const home = tempDir();
    const run = (...args: string[]) =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          'const m = await import(process.argv[1]); process.exitCode = await m.main(process.argv.slice(2));',
          pathToFileURL(join(out, 'duiding.mjs')).href,
          ...args,
        ],
        { env: { ...process.env, DUIDING_HOME: home }, encoding: 'utf8' },
      );
    for (const args of [
      ['--help'],
      ['describe', 'demo', '--json'],
      ['crosstab', 'demo', '--rows', 'gemeente', '--cols', 'vertrouwen', '--weight', 'gewicht', '--json'],
    ]) {
      expect(run(...args), args.join(' ')).toBe((await cli(...args)).out);
    }
  });
});
