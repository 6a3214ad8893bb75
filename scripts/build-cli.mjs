// Bundles the `duiding` command (electron/cli.ts) into dist/cli with esbuild: a small entry and one
// chunk per command, so a call loads only what it runs. Beside it a stamp (scripts/cli-stamp.mjs) lists
// every file the bundle was made from: bin/duiding.mjs runs the bundle only while they are unchanged,
// and the TypeScript through tsx otherwise.
// `node scripts/build-cli.mjs --on-install` (the root postinstall) never fails: an install that cannot
// build (no esbuild, a read-only tree) still works, through tsx.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStamp } from './cli-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Native and heavy modules stay in node_modules, as for the Electron build (scripts/build.mjs). */
const EXTERNAL = ['electron', 'better-sqlite3', '@resvg/resvg-js', 'exceljs', 'echarts', '@duckdb/node-api'];

/** Builds into `outDir` (made whole beside it, then renamed into place: a running CLI never sees half a build). */
export async function buildCli(outDir = join(root, 'dist', 'cli')) {
  const { build } = await import('esbuild');
  const tmp = `${outDir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: { duiding: 'electron/cli.ts' },
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.mjs' },
      chunkNames: '[name]-[hash]',
      external: EXTERNAL,
      metafile: true,
      logLevel: 'warning',
      // Bundled CommonJS code may call require(); an ES module has none of its own.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    const inputs = Object.keys(result.metafile.inputs);
    const outputs = Object.keys(result.metafile.outputs).map((o) => relative(tmp, join(root, o)));
    rmSync(outDir, { recursive: true, force: true });
    renameSync(tmp, outDir);
    writeStamp(root, outDir, [...inputs, ...outputs.map((o) => relative(root, join(outDir, o)))]);
    return { inputs: inputs.length, outputs: outputs.length };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const onInstall = process.argv.includes('--on-install');
  const t0 = performance.now();
  try {
    const { inputs, outputs } = await buildCli();
    console.log(`built dist/cli (${inputs} sources, ${outputs} files) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    if (!onInstall) throw e;
    console.log(`duiding: the command line was not prebuilt (${String(e?.message ?? e).split('\n')[0]}); it runs through tsx instead.`);
  }
}
