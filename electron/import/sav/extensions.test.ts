/**
 * Extension-record parsers on hand-made records for layouts the fixtures do not contain: display
 * parameters written per variable instead of per segment, without the width field, and attribute
 * text with several attributes and variables.
 */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../import-error';
import { parseAttributes, parseDisplay, parseMrSets } from './extensions';
import type { RawExtension } from './raw-dictionary';
import { TextCodec } from './text';

const codec = new TextCodec('utf-8', 'test.sav');
const fail = (reason: string, offset: number): never => {
  throw new ImportError('test.sav', reason, { offset });
};

function ints(subtype: number, values: number[]): RawExtension {
  const data = new Uint8Array(values.length * 4);
  const v = new DataView(data.buffer);
  values.forEach((x, i) => v.setInt32(i * 4, x, true));
  return { subtype, offset: 1000, size: 4, count: values.length, data };
}

function text(subtype: number, s: string): RawExtension {
  const data = new Uint8Array(Buffer.from(s, 'utf8'));
  return { subtype, offset: 2000, size: 1, count: data.length, data };
}

describe('parseDisplay', () => {
  it('reads three fields per unit when the count says so', () => {
    const d = parseDisplay(ints(11, [1, 10, 0, 3, 12, 1]), true, [2], fail);
    expect(d).toEqual({
      per: 2,
      params: [
        { measure: 1, width: 10, alignment: 0 },
        { measure: 3, width: 12, alignment: 1 },
      ],
    });
  });

  it('reads two fields (no width) and falls back to the per-variable count', () => {
    const d = parseDisplay(ints(11, [2, 2, 1, 0]), true, [3, 2], fail);
    expect(d).toEqual({
      per: 2,
      params: [
        { measure: 2, width: null, alignment: 2 },
        { measure: 1, width: null, alignment: 0 },
      ],
    });
  });

  it('ignores a record whose count fits neither layout', () => {
    expect(parseDisplay(ints(11, [1, 2, 3, 4, 5]), true, [3, 2], fail)).toBeNull();
  });
});

describe('parseAttributes', () => {
  it('splits variables and attributes, keeping every value', () => {
    const rec = text(18, "a:$@Role('3'\n)Note('x'\n'y'\n)/Lange_Naam:$@Role('0'\n)");
    const out = parseAttributes(rec, codec);
    expect(out.get('A')?.get('$@Role')).toEqual(['3']);
    expect(out.get('A')?.get('Note')).toEqual(['x', 'y']);
    expect(out.get('LANGE_NAAM')?.get('$@Role')).toEqual(['0']);
  });
});

describe('parseMrSets', () => {
  it('reads category, dichotomy and counted-value sets with multi-byte labels', () => {
    const rec = text(7, '\n$a=C 5 Één x y\n$b=D2 12 5 Ëën x y z\n$c=E 11 1 5 0  x y\n');
    expect(parseMrSets(rec, codec, fail)).toEqual([
      { name: '$a', kind: 'C', countedValue: null, label: 'Één', variables: ['x', 'y'] },
      { name: '$b', kind: 'D', countedValue: '12', label: 'Ëën', variables: ['x', 'y', 'z'] },
      { name: '$c', kind: 'E', countedValue: '5', label: '', variables: ['x', 'y'] },
    ]);
  });

  it('names the offset of a malformed set', () => {
    expect(() => parseMrSets(text(7, '$a=Q 3 abc x\n'), codec, fail)).toThrow(/at byte 2019/);
  });
});
