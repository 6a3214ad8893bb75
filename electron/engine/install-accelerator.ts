/**
 * Installs the WebAssembly tabulation kernels (with a second thread on machines with more than one
 * core) for every engine call in this process: the Electron main process, the browser host, the CLI
 * and the benchmarks call this once at start. DUIDING_ACCEL=0 keeps the plain JavaScript kernels (to
 * compare, or to rule the accelerator out when chasing a problem); DUIDING_ACCEL=1 uses one thread.
 *
 * Installing only checks that the kernels can run here; the memory, the instance and the worker are
 * made by the first table large enough to use them, so a CLI call or a session on small data pays
 * nothing at start-up.
 */
import { availableParallelism } from 'node:os';
import { type TallyAccelerator, installAccelerator } from '../../shared/engine/accel';
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
  const bytes = kernelBytes();
  if (!supported(bytes)) {
    // No WebAssembly threads/SIMD here: the JavaScript kernels give the same numbers.
    return 'off';
  }
  const threads = mode === 'two-threads' && canBlock() ? 'two-threads' : 'one-thread';
  installAccelerator(
    lazy(() => {
      const module = new WebAssembly.Module(bytes);
      const memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
      second = threads === 'two-threads' ? startSecondThread(module, memory) : null;
      return new WasmAccelerator({ module, memory }, second, tuning.splitFromRows);
    }),
    tuning.fromRows,
  );
  return threads;
}

export function uninstallEngineAccelerator(): void {
  installAccelerator(null);
  second?.stop();
  second = null;
}

/** The accelerator made on first use; if making it fails, every call falls back to JavaScript. */
function lazy(make: () => WasmAccelerator): TallyAccelerator {
  let made: WasmAccelerator | null | undefined;
  const get = () => {
    if (made === undefined) {
      try {
        made = make();
      } catch {
        made = null;
      }
    }
    return made;
  };
  return {
    pairs: (a, b, w, filter) => get()?.pairs(a, b, w, filter) ?? null,
    seen: (data, filter) => get()?.seen(data, filter) ?? null,
    banner: (job) => get()?.banner(job) ?? null,
  };
}

function supported(bytes: Uint8Array<ArrayBuffer>): boolean {
  try {
    new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    return WebAssembly.validate(bytes);
  } catch {
    return false;
  }
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
