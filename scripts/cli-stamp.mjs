// The stamp beside the CLI bundle (dist/cli/stamp.json): every file the bundle was made from and every
// file it consists of, with mtime and size, paths relative to the repository. The bundle is current
// while all of them are unchanged; an edit, a checkout, a new dependency version or a deleted chunk
// makes it stale. Checking ~330 files takes about 2 ms (docs/benchmarks.md, "CLI start-up").
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const STAMP = 'stamp.json';

export function writeStamp(root, dir, files) {
  const entries = files.map((f) => {
    const s = statSync(join(root, f));
    return [f, s.mtimeMs, s.size];
  });
  writeFileSync(join(dir, STAMP), JSON.stringify({ files: entries }));
}

export function stampIsCurrent(root, dir) {
  try {
    const { files } = JSON.parse(readFileSync(join(dir, STAMP), 'utf8'));
    for (const [file, mtimeMs, size] of files) {
      const s = statSync(join(root, file));
      if (s.mtimeMs !== mtimeMs || s.size !== size) return false;
    }
    return files.length > 0;
  } catch {
    return false;
  }
}
