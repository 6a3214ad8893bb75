/** English texts of the weighting codes (message-types-weight.ts); the CLI prints these. */
import type { MessageFormat } from './catalogue';
import type { WeightCode, WeightParams, WeightTargetProblem } from './message-types';

const PROBLEM: Record<WeightTargetProblem, string> = {
  'not-json': 'not valid JSON',
  'expected-number': 'expected a number',
  'expected-object': 'expected an object ({…})',
  'expected-text': 'expected a string',
  'expected-list': 'expected a list ([…])',
  negative: 'a target may not be negative',
  empty: 'the list is empty',
  'unknown-field': 'unknown field',
  'no-targets': 'neither "margins" nor "cells": nothing to weight to',
  'duplicate-variable': 'this variable already has a margin',
  'duplicate-code': 'this code appears twice',
  'cell-target': 'every cell needs a number "target"',
  'cell-variables': 'every cell must name the same variables',
  'csv-columns': 'expected three columns: variable;code;target',
  'csv-number': 'the target is not a number',
  'csv-variable': 'the variable is missing',
  'csv-code': 'the code is missing',
  'csv-empty': 'the file holds no targets',
  total: 'the total must be a positive number',
};

const where = (p: { line?: number; path?: string }) => (p.line !== undefined ? `line ${p.line}` : p.path ? p.path : 'targets');
const list = (codes: string[]) => (codes.length > 12 ? `${codes.slice(0, 12).join(', ')} and ${codes.length - 12} more` : codes.join(', '));
const sci = (x: number) => x.toExponential(1);

type Catalogue = { [C in WeightCode]: (p: WeightParams[C], f: MessageFormat) => string };

export const WEIGHT_EN: Catalogue = {
  'weight-targets': (p) => `Targets, ${where(p)}: ${PROBLEM[p.problem]}${p.value !== undefined ? ` (${p.value})` : ''}`,
  'weight-unknown-variable': (p) => `Unknown variable in the targets: ${p.variable}`,
  'weight-text-base': (p) => `Base weight ${p.variable} is a string variable`,
  'weight-unknown-code': (p) => `Targets, ${where(p)}: "${p.written}" is neither a code nor a value label of ${p.variable}`,
  'weight-codes': (p) =>
    p.mismatches
      .map((m) =>
        [
          m.notInData.length ? `${m.variable}: code(s) ${list(m.notInData)} have a target but no cases (empty cell)` : '',
          m.notInTargets.length ? `${m.variable}: code(s) ${list(m.notInTargets)} occur in the data but have no target` : '',
        ]
          .filter(Boolean)
          .join('; '),
      )
      .join('; '),
  'weight-zero-target': (p) =>
    `${p.variable}: target 0 for code(s) ${list(p.codes)}, which have cases; their weight would be 0. Filter them out or give a target`,
  'weight-totals': (p, f) =>
    `The targets of ${p.variable} sum to ${f.num(p.sum)}, not to the total ${f.num(p.total)}; have them scaled to the total if that is meant`,
  'weight-not-converged': (p, f) =>
    `Weighting (${p.method}) did not converge in ${f.num(p.iterations)} iterations (largest relative difference from a target ${sci(p.difference)})` +
    (p.bounds ? `; with bounds ${f.num(p.bounds[0])}–${f.num(p.bounds[1])} the targets may be out of reach` : '') +
    '. Nothing was written',
  'weight-no-cases': () => 'No cases are left to weight (filter, missing values or base weight)',
  'weight-method-margins': (p) => `${p.method} weights to one margin or to joint cells ("cells"), not to several margins`,
  'weight-bounds-method': (p) => `Bounds apply to rake and linear, not to ${p.method}`,
  'weight-bounds': (p, f) => `Bounds ${f.num(p.lo)},${f.num(p.hi)}: the lower bound must be below 1 and the upper bound above it`,
  'weight-trim': (p, f) => `Cannot trim at ${f.num(p.max)}: the mean weight is ${f.num(p.mean)}`,
  'weight-variable-exists': (p) => `The dataset already has a variable ${p.name}; choose another name or replace it`,
  'weight-too-many-cells': (p, f) => `The margin variables have ${f.num(p.cells)} code combinations together, too many to weight`,
};
