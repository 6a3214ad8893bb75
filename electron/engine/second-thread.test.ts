import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startSecondThread } from './second-thread';
import type { Collected } from './wasm/protocol';
import { MAX_PAGES } from './wasm/arena';
import { kernelBytes } from './wasm/wasm-accelerator';

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('second thread', () => {
  it('takes a posted call and runs it on the shared memory', () => {
    const module = new WebAssembly.Module(kernelBytes());
    const memory = new WebAssembly.Memory({ initial: 40, maximum: MAX_PAGES, shared: true });
    const t = startSecondThread(module, memory);
    try {
      const u8 = new Uint8Array(memory.buffer);
      const n = 1000;
      u8.fill(3, 1024, 1024 + n); // a = 3
      u8.fill(2, 4096, 4096 + n); // b = 2
      const w = new Float64Array(memory.buffer, 8192, n).fill(0.5);
      w[0] = 0; // excluded by weight
      const acc = 65536;
      // Give the worker time to start and take the call; then collect must report it done.
      let got: Collected = { status: 'unclaimed' };
      for (let k = 0; k < 100; k++) {
        t.post({ kind: 'pairs', args: [1024, 4096, 8192, -1, n, acc] });
        pause(50);
        got = t.collect();
        if (got.status !== 'unclaimed') break;
      }
      expect(got).toEqual({ status: 'done', value: 1 });
      const cell = new Float64Array(memory.buffer, acc + ((3 << 8) | 2) * 32, 3);
      expect(Array.from(cell)).toEqual([999, 499.5, 249.75]);
    } finally {
      t.stop();
    }
  });

  it('a call never taken comes back unclaimed, so the caller runs it itself', () => {
    const module = new WebAssembly.Module(kernelBytes());
    const memory = new WebAssembly.Memory({ initial: 40, maximum: MAX_PAGES, shared: true });
    const t = startSecondThread(module, memory);
    t.stop();
    pause(20);
    t.post({ kind: 'seen', args: [1024, -1, 10, 2048] });
    expect(t.collect().status).toBe('unclaimed');
  });
});

describe('kernels-wasm.ts', () => {
  it('holds exactly what kernels.wat assembles to', () => {
    // Throws (exit 1) when the committed bytes are stale.
    execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { stdio: 'pipe' });
  });
});
