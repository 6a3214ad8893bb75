/** Every call in the contract has a handler, and every handler answers a call of the contract. */
import { describe, expect, it } from 'vitest';
import { callNames, contract } from '../../shared/api';
import { handlers } from '../../electron/handlers/index';

describe('contract and handlers', () => {
  it('has a handler for every call and no handler without a call', () => {
    const handled = Object.keys(handlers).sort();
    expect(handled).toEqual([...callNames].sort());
  });

  it('has a request schema for every call', () => {
    for (const name of callNames) expect(typeof contract[name].request.safeParse, name).toBe('function');
  });
});
