import { describe, expect, it } from 'vitest';
import { newVariable } from '../../../shared/model/dataset';
import { formatTyped, gridToTargets, marginSum, parseTyped, pasteInto, rowsFor, targetsToGrid, type GridState } from './grid';

const gemeente = newVariable('gemeente', 'numeric', {
  valueLabels: { '1': 'Eemsdelta', '2': 'Groningen', '10': 'Westerwolde', '99': 'Onbekend' },
  missing: { values: [99], range: null },
});

describe('targets grid', () => {
  it('offers the labelled codes that are not missing, in code order', () => {
    expect(rowsFor(gemeente).map((r) => [r.code, r.label])).toEqual([
      ['1', 'Eemsdelta'],
      ['2', 'Groningen'],
      ['10', 'Westerwolde'],
    ]);
  });

  it('reads numbers the way the language writes them', () => {
    expect(parseTyped('31.000', 'nl')).toBe(31000);
    expect(parseTyped('0,24', 'nl')).toBe(0.24);
    expect(parseTyped('31,000', 'en')).toBe(31000);
    expect(parseTyped('0.24', 'en')).toBe(0.24);
    expect(parseTyped('1,234.5', 'en')).toBe(1234.5);
    expect(parseTyped('veel', 'nl')).toBeNaN();
    for (const v of [37000, 0.24, 1234567.5, 12.345, 480000]) {
      expect(parseTyped(formatTyped(v, 'nl'), 'nl')).toBe(v);
      expect(parseTyped(formatTyped(v, 'en'), 'en')).toBe(v);
    }
    expect(formatTyped(1234567.5, 'nl')).toBe('1.234.567,5');
  });

  it('turns the grid into targets, leaving empty rows out, and names a bad cell', () => {
    const g: GridState = {
      total: '480.000',
      margins: [{ variable: 'gemeente', rows: rowsFor(gemeente).map((r, i) => ({ ...r, target: ['37.000', '196.000', ''][i] })) }],
    };
    expect(gridToTargets(g, 'nl')).toEqual({ targets: { total: 480000, margins: [{ variable: 'gemeente', targets: { '1': 37000, '2': 196000 } }] } });
    g.margins[0].rows[1].target = '19x';
    expect(gridToTargets(g, 'nl')).toEqual({ problem: { kind: 'number', margin: 0, row: 1, text: '19x' } });
    expect(gridToTargets({ total: '', margins: [] }, 'nl')).toEqual({ problem: { kind: 'empty' } });
  });

  it('puts targets from a file on the rows, matching labels to codes', () => {
    const g = targetsToGrid({ total: 1000, margins: [{ variable: 'GEMEENTE', targets: { Eemsdelta: 0.25, '2': 0.5, '11': 0.25 } }] }, [gemeente], 'nl');
    expect(g.total).toBe('1.000');
    expect(g.margins[0].variable).toBe('gemeente');
    expect(g.margins[0].rows.map((r) => [r.code, r.target])).toEqual([
      ['1', '0,25'],
      ['2', '0,5'],
      ['10', ''],
      ['11', '0,25'],
    ]);
    expect(marginSum(g.margins[0], 'nl')).toBe(1);
  });

  it('pastes a column from Excel downwards, and code–target blocks by code or label', () => {
    const rows = rowsFor(gemeente);
    expect(pasteInto(rows, 1, '196.000\r\n20.000\r\n5\r\n', 'nl')).toEqual({
      rows: [rows[0], { ...rows[1], target: '196.000' }, { ...rows[2], target: '20.000' }],
      unmatched: ['5'],
    });
    const block = pasteInto(rows, 0, 'Eemsdelta\t37.000\n10\t20.000\nAssen\t1\n', 'nl');
    expect(block.rows.map((r) => r.target)).toEqual(['37.000', '', '20.000']);
    expect(block.unmatched).toEqual(['Assen\t1']);
  });
});
