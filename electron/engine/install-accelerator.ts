/**
 * Installs the WebAssembly tabulation kernels (with a second thread on machines with more than one
 * core) for every engine call in this process: the Electron main process, the browser host, the CLI
 * and the benchmarks call this once at start. DUIDING_ACCEL=0 keeps the plain JavaScript kernels (to
 * compare, or to rule the accelerator out when chasing a problem); DUIDING_ACCEL=1 uses one thread.
 */
import { availableParallelism } from 'node:os';
import { installAccelerator } from '../../shared/engine/accel';
import { MAX_PAGES } from './wasm/arena';
import { WasmAccelerator, kernelBytes } from './wasm/wasm-accelerator';
import { type StoppableSecondThread, startSecondThread } from './second-thread';

let second: StoppableSecondThread | null = null;

export type AcceleratorMode = 'off' | 'one-thread' | 'two-threads';

export interface AcceleratorTuning {
  /** Rows from which the engine uses the accelerator, and from which the second thread joins. */
  fromRows?: number;
  splitFromRows?: number;
}

export function installEngineAccelerator(mode: AcceleratorMode = defaultMode(), tuning: AcceleratorTuning = {}): AcceleratorMode {
  uninstallEngineAccelerator();
  if (mode === 'off') return mode;
  try {
    const module = new WebAssembly.Module(kernelBytes());
    const memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
    if (mode === 'two-threads' && !canBlock()) mode = 'one-thread';
    second = mode === 'two-threads' ? startSecondThread(module, memory) : null;
    installAccelerator(new WasmAccelerator({ module, memory }, second, tuning.splitFromRows), tuning.fromRows);
    return mode;
  } catch {
    // No WebAssembly threads/SIMD here: the JavaScript kernels give the same numbers.
    installAccelerator(null);
    return 'off';
  }
}

export function uninstallEngineAccelerator(): void {
  installAccelerator(null);
  second?.stop();
  second = null;
}

/** The hand-off waits with Atomics.wait, which some embedders forbid on their main thread. */
function canBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

function defaultMode(): AcceleratorMode {
  const env = process.env.DUIDING_ACCEL;
  if (env === '0') return 'off';
  if (env === '1' || availableParallelism() < 2) return 'one-thread';
  return 'two-threads';
}
