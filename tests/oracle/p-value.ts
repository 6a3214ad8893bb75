/**
 * A p-value against its reference: within 1e-9 absolute and 1e-6 relative. The absolute bound alone
 * passes every p below 1e-9 (an engine returning 0 there would pass); the relative one holds a tiny p
 * to six digits, as R's upper-tail functions give it down to the smallest doubles. A reference of
 * exactly 0 (R underflowed) asks for a p below 1e-300.
 */
import { expect } from 'vitest';

export function pClose(got: number, want: number): boolean {
  if (want === 0) return got >= 0 && got < 1e-300;
  return Math.abs(got - want) <= 1e-9 && Math.abs(got - want) <= 1e-6 * Math.abs(want);
}

export function expectP(got: number, want: number, what = 'p'): void {
  expect(pClose(got, want), `${what}: ${got} vs ${want}`).toBe(true);
}
