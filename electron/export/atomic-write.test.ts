import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic, writeFileAtomic } from './atomic-write';

describe('atomic write', () => {
  it('replaces the target only when the writer finishes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-atomic-'));
    const out = join(dir, 'boek.xlsx');
    writeFileSync(out, 'old');
    await expect(
      writeAtomic(out, async (tmp) => {
        writeFileSync(tmp, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['boek.xlsx']);
    await writeFileAtomic(out, 'new');
    expect(readFileSync(out, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['boek.xlsx']);
  });

  it('writes the temporary file beside the target, so the rename stays on one file system', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-atomic-'));
    let seen = '';
    await writeAtomic(join(dir, 'a.csv'), async (tmp) => {
      seen = tmp;
      writeFileSync(tmp, 'x');
    });
    expect(seen.startsWith(join(dir, '.a.csv.'))).toBe(true);
    expect(existsSync(seen)).toBe(false);
  });
});
