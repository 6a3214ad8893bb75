/**
 * A full disk while the book is written: the writer reports the error and leaves no file (neither the
 * book nor its temporary file), and a book that was there before is untouched. The disk is made
 * "full" for a child process with a file size limit (ulimit -f): its writes stop part-way and then
 * fail with EFBIG, as they fail with ENOSPC on a full disk.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const child = join(__dirname, 'write-book-child.ts');

function run(limitKb: number | null, outs: string[]): { ok: boolean; message?: string; code?: string }[] {
  const limit = limitKb === null ? '' : `ulimit -f ${limitKb} && `;
  const quoted = outs.map((o) => `'${o}'`).join(' ');
  // No transform cache: the limit must hit the book, not tsx's cache files.
  const r = spawnSync('bash', ['-c', `${limit}exec '${process.execPath}' --import tsx '${child}' ${quoted}`], {
    env: { ...process.env, TSX_DISABLE_CACHE: '1' },
    encoding: 'utf8',
    cwd: join(__dirname, '../..'),
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

describe('a full disk while writing the book', () => {
  it('fails with the error and leaves no file; an earlier book stays as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-full-disk-'));
    // Without the limit the book is written, and it is larger than the limit below.
    const [free] = run(null, [join(dir, 'free.xlsx')]);
    expect(free).toEqual({ ok: true });
    expect(statSync(join(dir, 'free.xlsx')).size).toBeGreaterThan(4 * 1024);

    writeFileSync(join(dir, 'old.xlsx'), 'the earlier book');
    const results = run(4, [join(dir, 'new.xlsx'), join(dir, 'old.xlsx')]);
    for (const r of results) {
      expect(r.ok).toBe(false);
      expect(r.code).toBe('EFBIG');
      expect(r.message).toMatch(/file too large/);
    }
    expect(existsSync(join(dir, 'new.xlsx'))).toBe(false);
    expect(readFileSync(join(dir, 'old.xlsx'), 'utf8')).toBe('the earlier book');
    expect(readdirSync(dir).sort()).toEqual(['free.xlsx', 'old.xlsx']);
  }, 60_000);
});
