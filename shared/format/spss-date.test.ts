import { describe, expect, it } from 'vitest';
import { dateKind, formatSpssDate } from './spss-date';

// Reference value from PSPP: COMPUTE d = DATE.DMY(3,2,1990) gives 12853382400 (F14.0). The epoch
// (value 0) is 1582-10-14 by SPSS's definition.
describe('SPSS dates', () => {
  it('knows date, datetime and duration formats', () => {
    expect(dateKind('EDATE')).toBe('date');
    expect(dateKind('datetime')).toBe('datetime');
    expect(dateKind('TIME')).toBe('duration');
    expect(dateKind('F')).toBeNull();
    expect(dateKind(undefined)).toBeNull();
  });

  it('shows the stored seconds as a Dutch or English date', () => {
    expect(formatSpssDate(12853382400, 'date', 'nl')).toBe('03-02-1990');
    expect(formatSpssDate(12853382400, 'date', 'en')).toBe('1990-02-03');
    // The epoch itself and a date before 1970.
    expect(formatSpssDate(0, 'date', 'nl')).toBe('14-10-1582');
    expect(formatSpssDate(12853382400 + 13 * 3600 + 5 * 60 + 9, 'datetime', 'nl')).toBe('03-02-1990 13:05:09');
    expect(formatSpssDate(3725, 'duration', 'nl')).toBe('01:02:05');
    expect(formatSpssDate(Number.NaN, 'date', 'nl')).toBe('');
  });
});
