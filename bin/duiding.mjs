#!/usr/bin/env node
// The `duiding` command. Runs the bundle in dist/cli (scripts/build-cli.mjs, made by `npm install` and
// `npm run build`) while every file it was made from is unchanged, and the TypeScript sources through
// tsx otherwise (a checkout edited since the last build, or an install that could not build): the
// stamp check costs about 2 ms, tsx over a second. DUIDING_CLI_BUILD=0 always takes tsx.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stampIsCurrent } from '../scripts/cli-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let cli;
if (process.env.DUIDING_CLI_BUILD !== '0' && stampIsCurrent(root, join(root, 'dist', 'cli'))) {
  cli = await import('../dist/cli/duiding.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../electron/cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
