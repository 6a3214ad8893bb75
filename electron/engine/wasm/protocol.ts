/**
 * What the WebAssembly accelerator needs from a second thread, whatever hosts it (a Node worker in the
 * backend: ./second-thread.ts). The hand-off is synchronous so the engine stays so.
 */
export type KernelCall =
  | { kind: 'pairs'; args: [pa: number, pb: number, pw: number, pf: number, n: number, acc: number] }
  | { kind: 'seen'; args: [pd: number, pf: number, n: number, out: number] }
  | { kind: 'banner'; args: [descriptor: number] };

export type Collected = { status: 'done'; value: number } | { status: 'unclaimed' } | { status: 'failed' };

export interface SecondThread {
  /** Offers a call; the thread may or may not take it. */
  post(call: KernelCall): void;
  /**
   * After the caller's own share: withdraws the call if the thread never took it ('unclaimed', the
   * caller runs it itself), or waits for it to finish.
   */
  collect(): Collected;
}

/** Shared control words: [state, kind, arg0..arg5, result]. */
export const CONTROL_WORDS = 16;
export const STATE = { idle: 0, posted: 1, running: 2, done: 3, failed: 4, stop: 5 } as const;
export const KIND = { pairs: 1, seen: 2, banner: 3 } as const;
export const RESULT_WORD = 8;
