import { describe, expect, it } from 'vitest';
import type { BannerColumn } from '../../shared/model/results';
import { headerRows } from './banner-layout';

const col = (key: string, group: string, letter: string, ...path: [string, number, string][]): BannerColumn => ({
  key,
  group,
  letter,
  label: path.length ? path[path.length - 1][2] : 'Totaal',
  path: path.map(([variable, code, label]) => ({ variable, code, label })),
});

describe('headerRows', () => {
  it('spans groups and nests inner categories under outer ones', () => {
    const cols = [
      col('total', '', ''),
      col('g=1', 'Gemeente', 'A', ['g', 1, 'Groningen']),
      col('g=2', 'Gemeente', 'B', ['g', 2, 'Eemsdelta']),
      col('g=1|s=1', 'Gemeente: Groningen', 'A', ['g', 1, 'Groningen'], ['s', 1, 'man']),
      col('g=1|s=2', 'Gemeente: Groningen', 'B', ['g', 1, 'Groningen'], ['s', 2, 'vrouw']),
      col('g=2|s=1', 'Gemeente: Eemsdelta', 'A', ['g', 2, 'Eemsdelta'], ['s', 1, 'man']),
    ];
    const rows = headerRows(cols, (n) => ({ g: 'Gemeente', s: 'Geslacht' })[n] ?? n);
    expect(rows.map((r) => r.map((c) => `${c.text}/${c.colSpan}x${c.rowSpan}`))).toEqual([
      ['Totaal/1x3', 'Gemeente/2x1', 'Gemeente × Geslacht/3x1'],
      ['Groningen/1x2', 'Eemsdelta/1x2', 'Groningen/2x1', 'Eemsdelta/1x1'],
      ['man/1x1', 'vrouw/1x1', 'man/1x1'],
    ]);
    // Every column is covered exactly once by a leaf cell.
    expect(rows.flat().filter((c) => c.leaf).length).toBe(cols.length);
  });
});
