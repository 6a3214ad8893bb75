import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../resources/demo/generate';
import type { Column } from '../../shared/model/dataset';
import { appRoot } from '../startup/paths';
import { DEMO_SOURCES, demoCacheKey, loadDemoDataset } from './demo-cache';
import { decodeSnapshot, encodeSnapshot } from './dataset-snapshot';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'duiding-demo-cache-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the generator's sources, to edit without touching the repository. */
function sourceCopy(): string {
  const root = tempDir();
  for (const f of DEMO_SOURCES) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    cpSync(join(appRoot(), f), join(root, f));
  }
  return root;
}

describe('demo cache', () => {
  const demo = generateDemo();

  it('a snapshot reads back as the same dataset, storage types included', () => {
    const back = decodeSnapshot(encodeSnapshot(demo));
    expect(back).toEqual(demo);
    const storage = (c: Column) => (c.kind === 'string' ? c.codes : c.data).constructor.name;
    expect(back.columns.map(storage)).toEqual(demo.columns.map(storage));
  });

  it('generates the panel once, then reads the cache', () => {
    const dir = tempDir();
    let made = 0;
    const generate = () => (made++, generateDemo());
    expect(loadDemoDataset({ dir, generate })).toEqual(demo);
    expect(loadDemoDataset({ dir, generate })).toEqual(demo);
    expect(made).toBe(1);
    expect(readdirSync(dir)).toEqual([`demo-${demoCacheKey()}.snap`]);
  });

  it('an edited generator makes a new cache and removes the old one', () => {
    const dir = tempDir();
    const root = sourceCopy();
    let made = 0;
    const generate = () => (made++, generateDemo());
    loadDemoDataset({ dir, root, generate });
    const before = demoCacheKey(root);
    writeFileSync(join(root, 'resources/demo/rng.ts'), `${readFileSync(join(root, 'resources/demo/rng.ts'), 'utf8')}\n// edited\n`);
    const after = demoCacheKey(root);
    expect(after).not.toBe(before);
    loadDemoDataset({ dir, root, generate });
    expect(made).toBe(2);
    expect(readdirSync(dir)).toEqual([`demo-${after}.snap`]);
  });

  it('a damaged cache is made again; missing sources mean no cache at all', () => {
    const dir = tempDir();
    loadDemoDataset({ dir });
    const file = join(dir, `demo-${demoCacheKey()}.snap`);
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    expect(loadDemoDataset({ dir })).toEqual(demo);
    expect(statSync(file).size).toBeGreaterThan(1000);

    const empty = tempDir();
    const nowhere = tempDir();
    expect(demoCacheKey(nowhere)).toBeNull();
    expect(loadDemoDataset({ dir: empty, root: nowhere })).toEqual(demo);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('DEMO_SOURCES is the whole import closure of the generator', async () => {
    const r = await build({
      absWorkingDir: appRoot(),
      entryPoints: ['resources/demo/generate.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
    });
    expect(Object.keys(r.metafile.inputs).sort()).toEqual([...DEMO_SOURCES].sort());
  });
});
