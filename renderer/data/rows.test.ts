import { describe, expect, it } from 'vitest';
import { pageToRows } from './rows';

describe('pageToRows', () => {
  it('places values by variable name and keeps missing markers', () => {
    const rows = pageToRows(
      {
        start: 200,
        total: 1000,
        columns: ['b', 'a'],
        values: [
          [1, 'x'],
          [null, 'y'],
        ],
        missing: [
          ['u', ''],
          ['s', ''],
        ],
      },
      ['a', 'b', 'c'],
    );
    expect(rows).toEqual([
      { i: 200, v: ['x', 1, null], m: ['', 'u', ''] },
      { i: 201, v: ['y', null, null], m: ['', 's', ''] },
    ]);
  });
});
