/**
 * Cell parsing rules, written out by hand: what counts as a number in each notation, and which
 * calendar dates exist (SPSS seconds checked against Date.UTC from 1582-10-14).
 */
import { describe, expect, it } from 'vitest';
import { detectDateLayout, parseDate, parseNumber } from './values';

const spss = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - Date.UTC(1582, 9, 14)) / 1000;

describe('parseNumber', () => {
  it.each([
    ['1,5', ',', 1.5],
    ['-1.5e3', '.', -1500],
    [' 2 ', '.', 2],
    ['1.', '.', 1],
    ['.5', '.', 0.5],
    [',25', ',', 0.25],
    ['+7', '.', 7],
  ] as const)('%j with %j is %d', (t, d, v) => expect(parseNumber(t, d)).toBe(v));

  it.each([
    ['1e', '.'],
    ['e5', '.'],
    ['1,2,3', ','],
    ['+', '.'],
    ['0x10', '.'],
    ['Infinity', '.'],
    ['1 2', '.'],
    ['1,5', '.'],
    ['1.5', ','],
    ['', '.'],
  ] as const)('%j with %j is not a number', (t, d) => expect(parseNumber(t, d)).toBeNaN());
});

describe('parseDate', () => {
  it('reads ISO and Dutch day-first dates, rejecting impossible ones', () => {
    expect(parseDate('2024-02-29', 'ymd')).toBe(spss(2024, 2, 29));
    expect(parseDate('29-02-2024', 'dmy')).toBe(spss(2024, 2, 29));
    expect(parseDate('1/3/2024', 'dmy')).toBe(spss(2024, 3, 1));
    expect(parseDate('29-02-2023', 'dmy')).toBeNaN();
    expect(parseDate('31-04-2024', 'dmy')).toBeNaN();
    expect(parseDate('2024-13-01', 'ymd')).toBeNaN();
    expect(parseDate('2024-03-01 25:00', 'ymd-hms')).toBeNaN();
    expect(parseDate('2024-03-01T08:30:15', 'ymd-hms')).toBe(spss(2024, 3, 1) + 8 * 3600 + 30 * 60 + 15);
  });

  it('picks the one layout that fits every sample', () => {
    expect(detectDateLayout(['01-02-2020', '31-12-1999'])).toBe('dmy');
    expect(detectDateLayout(['2020-02-01'])).toBe('ymd');
    expect(detectDateLayout(['2020-02-01', '01-02-2020'])).toBeNull();
  });
});
