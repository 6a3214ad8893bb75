import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../shared/chart/format';
import { bipolarLayout } from '../../shared/chart/order';

describe('formatNumber', () => {
  it('writes Dutch decimal commas and thousands points', () => {
    expect(formatNumber(1234567.891, 1, 'nl')).toBe('1.234.567,9');
    expect(formatNumber(1234567.891, 1, 'en')).toBe('1,234,567.9');
    expect(formatNumber(12.5, 0, 'nl')).toBe('13');
    expect(formatNumber(0.05, 1, 'nl')).toBe('0,1');
  });
  it('uses a real minus and never prints -0', () => {
    expect(formatNumber(-3.25, 1, 'nl')).toBe('−3,3');
    expect(formatNumber(-0.01, 1, 'nl')).toBe('0,0');
  });
});

describe('bipolarLayout', () => {
  it('orders an agree/disagree scale from disagree to agree, neutral in the middle', () => {
    const l = bipolarLayout(['Helemaal mee oneens', 'Mee oneens', 'Niet eens, niet oneens', 'Mee eens', 'Helemaal mee eens'])!;
    expect(l.order).toEqual([0, 1, 2, 3, 4]);
    expect(l.negatives).toBe(2);
    expect(l.neutral).toBe(2);
  });
  it('turns a scale coded agree-first around', () => {
    const l = bipolarLayout(['Helemaal mee eens', 'Mee eens', 'Neutraal', 'Mee oneens', 'Helemaal mee oneens'])!;
    expect(l.order).toEqual([4, 3, 2, 1, 0]);
  });
  it("keeps don't-know answers off the scale and handles even scales", () => {
    const l = bipolarLayout(['Zeer ontevreden', 'Ontevreden', 'Tevreden', 'Zeer tevreden', 'Weet niet'])!;
    expect(l.order).toEqual([0, 1, 2, 3]);
    expect(l.neutral).toBeNull();
    expect(l.offScale).toEqual([4]);
  });
  it('leaves unipolar scales alone', () => {
    expect(bipolarLayout(['Nooit', 'Zelden', 'Soms', 'Vaak', 'Zeer vaak'])).toBeNull();
    expect(bipolarLayout(['Helemaal geen zorgen', 'Weinig zorgen', 'Veel zorgen'])).toBeNull();
  });
});
