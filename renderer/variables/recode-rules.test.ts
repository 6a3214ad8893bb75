import { describe, expect, it } from 'vitest';
import { newRuleRow, rowsToRules } from './recode-rules';

describe('rowsToRules', () => {
  it('turns ranges (open ends allowed), value lists and else into recipe rules', () => {
    const out = rowsToRules([
      { ...newRuleRow(), lo: '18', hi: '34', to: '1', label: '18-34' },
      { ...newRuleRow(), lo: '65', to: '3', label: '65+' },
      { ...newRuleRow(), kind: 'values', values: '1; 2 5', to: '4' },
      { ...newRuleRow(), kind: 'else', to: '9', label: ' ' },
    ]);
    expect(out).toEqual({
      rules: [
        { from: { lo: 18, hi: 34 }, to: 1, label: '18-34' },
        { from: { lo: 65, hi: null }, to: 3, label: '65+' },
        { from: { values: [1, 2, 5] }, to: 4, label: undefined },
        { from: 'else', to: 9, label: undefined },
      ],
    });
  });

  it('points at the first bad row', () => {
    expect(rowsToRules([])).toEqual({ row: 0, problem: 'empty' });
    expect(
      rowsToRules([
        { ...newRuleRow(), lo: '1', hi: '2', to: '1' },
        { ...newRuleRow(), lo: '5', hi: '3', to: '2' },
      ]),
    ).toEqual({ row: 1, problem: 'range' });
    expect(rowsToRules([{ ...newRuleRow(), lo: '1', to: 'x' }])).toEqual({ row: 0, problem: 'to' });
    expect(rowsToRules([{ ...newRuleRow(), kind: 'values', values: '1 a', to: '1' }])).toEqual({ row: 0, problem: 'values' });
  });
});
