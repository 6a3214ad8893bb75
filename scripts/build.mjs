// Builds what the hosts and the command line serve and run: the renderer (Vite), the Electron entry
// points and the `duiding` command (esbuild; scripts/build-cli.mjs). The browser host runs from
// TypeScript through tsx; the CLI does too when its bundle is older than its sources.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { buildCli } from './build-cli.mjs';

const only = process.argv[2];

if (!only || only === 'renderer') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log('built dist/renderer');
}

if (!only || only === 'electron') {
  rmSync('dist/electron', { recursive: true, force: true });
  mkdirSync('dist/electron', { recursive: true });
  const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
  await esbuild({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.mjs',
    format: 'esm',
    // Native and heavy modules stay in node_modules (electron-builder rebuilds better-sqlite3 for Electron).
    external: ['electron', 'better-sqlite3', '@resvg/resvg-js', 'exceljs', 'echarts', '@duckdb/node-api'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  await esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
  // The import worker (electron/import/run-in-worker.ts) with its readers, exceljs included: it runs
  // unpacked from the asar archive (electron-builder.yml), where it can find no node_modules.
  await esbuild({
    ...common,
    entryPoints: ['electron/import/worker.ts'],
    outfile: 'dist/electron/import-worker.mjs',
    format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  cpSync('electron/store/migrations', 'dist/electron/migrations', { recursive: true });
  console.log('built dist/electron (main.mjs, preload.cjs, import-worker.mjs, migrations)');
}

if (!only || only === 'cli') {
  await buildCli();
  console.log('built dist/cli (the duiding command)');
}
