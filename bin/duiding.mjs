#!/usr/bin/env node
// The `duiding` command: runs the TypeScript CLI through tsx, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
