/** Runs the `duiding` command in-process for tests: stdout as a string, stderr captured, exit code. */
import { vi } from 'vitest';
import { runCli } from '../../electron/cli';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await runCli(argv, (s) => (out += s)), out, err };
  } finally {
    spy.mockRestore();
  }
}
