import { describe, expect, it } from 'vitest';
import { renderMessage } from '../i18n/messages';
import { WeightingError } from './errors';
import { parseTargetNumber } from './target-number';
import { fromTargetSet, parseTargetsJson, toTargetSet } from './targets';
import { parseTargetsCsv, splitFields } from './targets-csv';

function errorOf(f: () => unknown): WeightingError {
  try {
    f();
  } catch (e) {
    if (e instanceof WeightingError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('target numbers', () => {
  it.each([
    ['31.000', ';', 31000],
    ['1.234.567', ';', 1234567],
    ['1.234,5', ';', 1234.5],
    ['0,25', '\t', 0.25],
    ['0.25', ';', 0.25],
    ['1.5', ';', 1.5],
    ['12.3456', ';', 12.3456],
    ['233 000', ';', 233000],
    ['233\u00a0000', null, 233000],
    ['1234.5', ',', 1234.5],
    ['1e3', ',', 1000],
  ] as const)('%s with separator %s is %d', (text, sep, want) => expect(parseTargetNumber(text, sep)).toBe(want));

  it.each([
    ['1,5', ','],
    ['12,34,5', ';'],
    ['abc', ';'],
    ['', ';'],
    ['1.2.3', ';'],
  ] as const)('%s with separator %s is no number', (text, sep) => expect(parseTargetNumber(text, sep)).toBeNaN());
});

describe('targets in JSON', () => {
  it('margins and cells become one normalised set, with JSON paths', () => {
    const t = parseTargetsJson(
      '{"total": 100, "margins": [{"variable": "g", "targets": {"1": 0.4, "2": 0.6}}], "cells": [{"a": 1, "b": "x", "target": 50}, {"a": 2, "b": "x", "target": 50}]}',
    );
    const set = toTargetSet(t);
    expect(set.total).toBe(100);
    expect(set.margins.map((m) => m.variables)).toEqual([['g'], ['a', 'b']]);
    expect(set.margins[0].entries[1]).toEqual({ codes: ['2'], target: 0.6, path: 'margins[0].targets["2"]' });
    expect(set.margins[1].entries[1]).toEqual({ codes: ['2', 'x'], target: 50, path: 'cells[1]' });
    expect(fromTargetSet(set)).toEqual(t);
  });

  it.each([
    ['{"margins": [{"variable": "g", "targets": {"1": -3}}]}', 'margins[0].targets["1"]', 'negative'],
    ['{"margins": [{"variable": "g", "targets": {"1": "veel"}}]}', 'margins[0].targets["1"]', 'expected-number'],
    ['{"margins": [{"variable": "g", "targets": {"1": 3}, "extra": 1}]}', 'margins[0]', 'unknown-field'],
    ['{"margins": [{"variable": "g", "targets": {"1": 3}}, {"variable": "G", "targets": {"1": 3}}]}', 'margins[1].variable', 'duplicate-variable'],
    ['{"total": 0, "margins": [{"variable": "g", "targets": {"1": 3}}]}', 'total', 'total'],
    ['{"cells": [{"a": 1, "target": 3}, {"b": 1, "target": 3}]}', 'cells[1]', 'cell-variables'],
    ['{"cells": [{"a": 1, "target": 3}, {"a": 1, "target": 4}]}', 'cells[1]', 'duplicate-code'],
    ['{"cells": [{"a": 1}]}', 'cells[0].target', 'cell-target'],
    ['{"total": 3}', '(top)', 'no-targets'],
  ])('%s: the problem at %s', (text, path, problem) => {
    const e = errorOf(() => parseTargetsJson(text));
    expect(e.detail).toMatchObject({ code: 'weight-targets', path, problem });
    expect(e.message).toContain(path);
  });

  it('a JSON syntax error says so', () => {
    expect(errorOf(() => parseTargetsJson('{"margins": [')).detail).toMatchObject({ code: 'weight-targets', problem: 'not-json' });
  });
});

describe('targets in the StatLine CSV form', () => {
  it('reads ; with a header, Dutch numbers, quotes, a total line and comments', () => {
    const set = parseTargetsCsv(
      '\uFEFFvariabele;code;doel\n# CBS StatLine 2025\n"gemeente";"1";"31.000"\ngemeente;2;233.000\n\ngeslacht;Man;0,49\ngeslacht;Vrouw;0,51\ntotaal;;264.000\n',
    );
    expect(set.total).toBe(264000);
    expect(set.margins).toEqual([
      {
        variables: ['gemeente'],
        entries: [
          { codes: ['1'], target: 31000, line: 3 },
          { codes: ['2'], target: 233000, line: 4 },
        ],
      },
      {
        variables: ['geslacht'],
        entries: [
          { codes: ['Man'], target: 0.49, line: 6 },
          { codes: ['Vrouw'], target: 0.51, line: 7 },
        ],
      },
    ]);
  });

  it('reads , with decimal points and tabs pasted from Excel', () => {
    expect(parseTargetsCsv('g,1,1234.5\ng,2,10\n').margins[0].entries.map((e) => e.target)).toEqual([1234.5, 10]);
    expect(parseTargetsCsv('g\t1\t1.234,5\r\ng\t2\t10\r\n').margins[0].entries.map((e) => e.target)).toEqual([1234.5, 10]);
  });

  it.each([
    ['g;1;10\ng;2\n', 2, 'csv-columns'],
    ['g;1;10\ng;2;veel\n', 2, 'csv-number'],
    ['g;1;10\ng;1;12\n', 2, 'duplicate-code'],
    ['g;1;10\n;2;12\n', 2, 'csv-variable'],
    ['g;1;10\ng;;12\n', 2, 'csv-code'],
    ['g;1;10\ng;2;-1\n', 2, 'negative'],
  ])('%j: problem on line %d', (text, line, problem) => {
    const e = errorOf(() => parseTargetsCsv(text));
    expect(e.detail).toMatchObject({ code: 'weight-targets', line, problem });
    expect(e.message).toMatch(new RegExp(`^Targets, line ${line}: `));
    expect(renderMessage(e.detail, 'nl')).toMatch(new RegExp(`^Doelwaarden, regel ${line}: `));
  });

  it('an empty file is an error', () => {
    expect(errorOf(() => parseTargetsCsv('variable;code;target\n')).detail).toMatchObject({ problem: 'csv-empty' });
  });

  it('splits quoted fields with separators and doubled quotes inside', () => {
    expect(splitFields('"a;b";"say ""hi""";3', ';')).toEqual(['a;b', 'say "hi"', '3']);
  });
});
