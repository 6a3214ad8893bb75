import { describe, expect, it } from 'vitest';
import { missingSummary, parseNumber, valueLabelSummary } from './summaries';
import { newVariable } from '../../shared/model/dataset';

describe('parseNumber', () => {
  it('reads Dutch and English notation', () => {
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('1.5')).toBe(1.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('-9')).toBe(-9);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('1,2,3')).toBeNull();
  });
});

describe('summaries', () => {
  it('lists a few value labels and counts the rest', () => {
    const v = newVariable('x', 'numeric', { valueLabels: { '1': 'een', '2': 'twee', '3': 'drie', '4': 'vier' } });
    expect(valueLabelSummary(v)).toBe('1 = een; 2 = twee; 3 = drie; … (4)');
  });
  it('puts the range first', () => {
    expect(missingSummary({ values: [9], range: [97, 99] }, String)).toBe('97 – 99; 9');
  });
});
