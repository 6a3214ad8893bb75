// Starts the import worker from its TypeScript source (tests, `npm start` without a build): worker
// threads do not inherit a `--import tsx` loader on Node 20, so this registers it in the worker itself.
// The Electron build bundles worker.ts into dist/electron/import-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./worker.ts', import.meta.url).href);
