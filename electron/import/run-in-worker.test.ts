/**
 * Reading in the import worker: Stop ends a read at once while the backend's own thread keeps
 * running, and a reader that needs more memory than the worker's cap ends with an ImportError, not
 * the process. The same worker serves the next task.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportCancelled, ImportError } from './import-error';
import { previewInWorker, readInWorker } from './run-in-worker';

const dir = mkdtempSync(join(tmpdir(), 'duiding-worker-'));
const big = join(dir, 'groot.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  const rows = ['respnr;opmerking;score'];
  for (let i = 0; i < 200_000; i++) rows.push(`${i};tekst nummer ${i} ${(i * 7919) % 10007};${i * 1.5}`);
  writeFileSync(big, rows.join('\n'));
});

describe('the import worker', () => {
  it('stops a read on Stop, while the calling thread stays free', async () => {
    const stop = new AbortController();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const read = readInWorker(big, {}, { signal: stop.signal, onProgress: () => stop.abort() });
      await expect(read).rejects.toBeInstanceOf(ImportCancelled);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('ends a read that outgrows the heap cap with an ImportError naming the file', async () => {
    const e = await readInWorker(big, {}, { heapMb: 8 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).file).toBe(big);
    expect((e as ImportError).message).toMatch(/more than 8 MB of working memory/);
  });

  it('reads and previews afterwards as usual', async () => {
    const ds = await readInWorker(big, {});
    expect(ds.rows).toBe(200_000);
    expect(ds.columns[2].kind).toBe('numeric');
    const p = await previewInWorker(big, {});
    expect(p.csv?.columns.map((c) => c.name)).toEqual(['respnr', 'opmerking', 'score']);
  });
});
