/**
 * A Node worker that runs the WebAssembly kernels on the same shared memory, taking one call at a time
 * through a few shared words (wasm/protocol.ts). The caller never depends on it: a
 * call the worker has not picked up by the time the caller is done with its own half is withdrawn and
 * run by the caller — so a busy machine, a worker still starting, or a worker that died costs speed,
 * never an answer.
 */
import { Worker } from 'node:worker_threads';
import { CONTROL_WORDS, type Collected, KIND, type KernelCall, RESULT_WORD, STATE, type SecondThread } from './wasm/protocol';

/** How long a taken call may run before the engine gives up on the worker (a 10M-row pass takes ~10 ms). */
const TAKEN_CALL_TIMEOUT_MS = 120_000;

// Plain JavaScript: evaluated as the worker's script, so it needs no bundling of its own.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, S, K, R } = workerData;
const ctl = new Int32Array(control);
const k = new WebAssembly.Instance(module, { env: { mem: memory } }).exports;
for (;;) {
  const s = Atomics.load(ctl, 0);
  if (s === S.stop) break;
  if (s === S.posted && Atomics.compareExchange(ctl, 0, S.posted, S.running) === S.posted) {
    let next = S.done;
    try {
      const a = ctl.subarray(2, 8);
      if (ctl[1] === K.pairs) ctl[R] = k.pairs(a[0], a[1], a[2], a[3], a[4], a[5]);
      else if (ctl[1] === K.seen) k.seen(a[0], a[1], a[2], a[3]);
      else k.banner(a[0]);
    } catch (e) {
      next = S.failed;
    }
    Atomics.store(ctl, 0, next);
    Atomics.notify(ctl, 0);
  } else {
    Atomics.wait(ctl, 0, s);
  }
}
`;

export interface StoppableSecondThread extends SecondThread {
  stop(): void;
}

export function startSecondThread(module: WebAssembly.Module, memory: WebAssembly.Memory): StoppableSecondThread {
  const control = new SharedArrayBuffer(CONTROL_WORDS * 4);
  const ctl = new Int32Array(control);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { module, memory, control, S: STATE, K: KIND, R: RESULT_WORD },
  });
  // The worker must never keep the CLI or a test run alive.
  worker.unref();
  worker.on('error', () => Atomics.store(ctl, 0, STATE.stop));

  return {
    post(call: KernelCall): void {
      ctl[1] = KIND[call.kind];
      ctl.set(call.args, 2);
      Atomics.store(ctl, 0, STATE.posted);
      Atomics.notify(ctl, 0);
    },
    collect(): Collected {
      if (Atomics.compareExchange(ctl, 0, STATE.posted, STATE.idle) === STATE.posted) return { status: 'unclaimed' };
      const deadline = Date.now() + TAKEN_CALL_TIMEOUT_MS;
      let s = Atomics.load(ctl, 0);
      while (s === STATE.running) {
        if (Date.now() > deadline) throw new Error('rekenthread reageert niet meer');
        Atomics.wait(ctl, 0, STATE.running, 1000);
        s = Atomics.load(ctl, 0);
      }
      if (s === STATE.stop) return { status: 'unclaimed' };
      const result: Collected = s === STATE.done ? { status: 'done', value: ctl[RESULT_WORD] } : { status: 'failed' };
      Atomics.store(ctl, 0, STATE.idle);
      return result;
    },
    stop(): void {
      Atomics.store(ctl, 0, STATE.stop);
      Atomics.notify(ctl, 0);
      void worker.terminate();
    },
  };
}
