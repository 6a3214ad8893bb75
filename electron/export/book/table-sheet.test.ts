import { describe, expect, it } from 'vitest';
import { wrappedLines } from './table-sheet';

describe('wrappedLines', () => {
  it('counts the lines a header label wraps to at word boundaries', () => {
    expect(wrappedLines('Man', 13)).toBe(1);
    expect(wrappedLines('Anders / zeg ik liever niet', 13)).toBe(3);
    expect(wrappedLines('Anders / zeg ik liever niet', 60)).toBe(1);
    expect(wrappedLines('Ontzettendlangwoordzonderspaties', 13)).toBe(3);
  });
});
