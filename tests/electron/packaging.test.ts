/**
 * What the installers are built with (electron-builder.yml; the Electron binary cannot run here): the
 * fuses that keep the installed app from being used as a Node.js runtime or debugger and make it run
 * only its own archive, and the import worker bundled and unpacked so it can start at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

/** The indented lines of one top-level block (`name:`), comments left out: enough for this flat file. */
function block(name: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `${name}:`);
  if (start < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (!/^\s/.test(l)) break;
    if (!/^\s*#/.test(l)) out.push(l.trim());
  }
  return out;
}

function mapping(name: string): Record<string, unknown> {
  return Object.fromEntries(
    block(name)
      .map((l) => l.split(/:\s*/))
      .map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v]),
  );
}

describe('electron-builder configuration', () => {
  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspector, only the verified app.asar', () => {
    expect(mapping('electronFuses')).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs the app into app.asar and unpacks the self-contained import worker', () => {
    expect(text).not.toMatch(/^asar:\s*false/m);
    expect(block('asarUnpack')).toContain("- 'dist/electron/import-worker.mjs'");
    expect(readFileSync(join(root, 'scripts/build.mjs'), 'utf8')).toMatch(
      /entryPoints: \['electron\/import\/worker\.ts'\][\s\S]*outfile: 'dist\/electron\/import-worker\.mjs'/,
    );
  });
});
