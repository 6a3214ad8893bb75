/**
 * The engine as the app runs it: the WebAssembly kernels with a second thread (electron/engine/), or
 * what DUIDING_ACCEL asks for. `describeEngine` times the other ways too, so every run also prints
 * what the first call costs (columns copied into the kernels' memory) and what plain JavaScript does.
 */
import { type AcceleratorMode, installEngineAccelerator, uninstallEngineAccelerator } from '../../electron/engine/install-accelerator';
import { ACCEL_MIN_ROWS, acceleratorFor } from '../../shared/engine/accel';
import { medianMs } from './gen-data';

export async function setUpEngine(): Promise<AcceleratorMode> {
  const mode = installEngineAccelerator();
  await startWorker();
  return mode;
}

/** The kernels are made by the first large call: make one, then let the worker start (late would only cost speed). */
async function startWorker(): Promise<void> {
  acceleratorFor(ACCEL_MIN_ROWS)?.seen(new Int8Array(ACCEL_MIN_ROWS));
  await new Promise((r) => setTimeout(r, 300));
}

/** Prints the first-call and JavaScript-only times of `fn` as comment lines; leaves the engine as set up. */
export async function describeEngine(task: string, fn: () => unknown, runs: number): Promise<void> {
  const mode = installEngineAccelerator();
  await startWorker();
  const t0 = performance.now();
  fn();
  const first = performance.now() - t0;
  uninstallEngineAccelerator();
  const js = await medianMs(fn, runs);
  await setUpEngine();
  console.log(
    `# ${task}: engine ${mode}; first call ${first.toFixed(1)} ms (copies the columns into the kernels' memory); JavaScript kernels alone ${js.toFixed(1)} ms`,
  );
}
