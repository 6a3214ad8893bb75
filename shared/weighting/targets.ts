/**
 * Population targets: the JSON form (what the CLI reads, the API carries and a recipe stores) and the
 * normalised form the procedure works on. JSON:
 *   {"total": 10000, "margins": [{"variable": "gemeente", "targets": {"1": 31000, "2": 233000}}, …]}
 *   {"total": …, "cells": [{"gemeente": 1, "geslacht": 2, "target": 15800}, …]}   (joint cells)
 * A margin whose targets sum to 1 while `total` is given holds proportions of that total. Keys are codes
 * or value labels of the variable (matched against the data in classify.ts). Every problem names the
 * JSON path of the offending value.
 */
import { z } from 'zod';
import type { WeightTargetProblem } from '../i18n/messages';
import { WeightingError } from './errors';

const targetValue = z.number().finite().nonnegative();
const variableName = z.string().min(1).max(64);

export const marginTargetsSchema = z.object({ variable: variableName, targets: z.record(z.string().max(256), targetValue) }).strict();

/** One joint cell: a code per variable plus `target`. */
export const cellTargetSchema = z.record(z.string().max(64), z.union([z.number().finite(), z.string().max(256)]));

export const targetsSchema = z
  .object({
    total: z.number().finite().positive().optional(),
    margins: z.array(marginTargetsSchema).max(50).optional(),
    cells: z.array(cellTargetSchema).max(100_000).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const problem = (path: (string | number)[], p: WeightTargetProblem, value?: string) =>
      ctx.addIssue({ code: 'custom', path, message: p, params: { problem: p, value } });
    if (!t.margins?.length && !t.cells?.length) problem([], 'no-targets');
    const seen = new Set<string>();
    t.margins?.forEach((m, i) => {
      const key = m.variable.toLowerCase();
      if (seen.has(key)) problem(['margins', i, 'variable'], 'duplicate-variable', m.variable);
      seen.add(key);
    });
    if (t.cells?.length) {
      const vars = Object.keys(t.cells[0])
        .filter((k) => k !== 'target')
        .sort();
      const combos = new Set<string>();
      t.cells.forEach((c, i) => {
        if (typeof c.target !== 'number' || !(c.target >= 0)) return problem(['cells', i, 'target'], 'cell-target');
        const own = Object.keys(c)
          .filter((k) => k !== 'target')
          .sort();
        if (own.length === 0 || own.join('\u0000') !== vars.join('\u0000')) return problem(['cells', i], 'cell-variables', own.join(', '));
        const combo = vars.map((v) => String(c[v])).join('\u0000');
        if (combos.has(combo)) problem(['cells', i], 'duplicate-code', vars.map((v) => String(c[v])).join(','));
        combos.add(combo);
      });
    }
  });

export type Targets = z.infer<typeof targetsSchema>;

/** One target of the normalised form, with where it came from for error messages. */
export interface TargetEntry {
  /** One code (or label) per variable of the margin, as written. */
  codes: string[];
  target: number;
  line?: number;
  path?: string;
}

/** A margin: one variable, or several for joint cells (poststratification cells). */
export interface MarginTargets {
  variables: string[];
  entries: TargetEntry[];
}

export interface TargetSet {
  total: number | null;
  margins: MarginTargets[];
}

/** `margins[0].targets["3"]`: the path of a zod issue as a reader of the file would write it. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || '(top)';
}

function problemOf(issue: z.core.$ZodIssue): { problem: WeightTargetProblem; value?: string } {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected;
      if (expected === 'number') return { problem: 'expected-number' };
      if (expected === 'array') return { problem: 'expected-list' };
      if (expected === 'string') return { problem: 'expected-text' };
      return { problem: 'expected-object' };
    }
    case 'too_small':
      if (issue.origin === 'array') return { problem: 'empty' };
      if (issue.origin === 'string') return { problem: 'expected-text' };
      return issue.path.length === 1 && issue.path[0] === 'total' ? { problem: 'total' } : { problem: 'negative' };
    case 'unrecognized_keys':
      return { problem: 'unknown-field', value: issue.keys.join(', ') };
    case 'invalid_union':
      return { problem: 'expected-number' };
    case 'custom': {
      const params = issue.params as { problem?: WeightTargetProblem; value?: string } | undefined;
      return { problem: params?.problem ?? 'expected-object', value: params?.value };
    }
    default:
      return { problem: issue.path.length === 1 && issue.path[0] === 'total' ? 'total' : 'expected-number' };
  }
}

/** Validates the JSON form; the first problem becomes a WeightingError naming its JSON path. */
export function parseTargetsObject(value: unknown): Targets {
  const r = targetsSchema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const { problem, value: v } = problemOf(issue);
  throw new WeightingError({ code: 'weight-targets', path: jsonPath(issue.path), problem, value: v });
}

/** Parses a targets file in the JSON form. */
export function parseTargetsJson(text: string): Targets {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new WeightingError({ code: 'weight-targets', problem: 'not-json', value: (e as Error).message });
  }
  return parseTargetsObject(value);
}

/** The normalised form of validated JSON targets, each entry with its JSON path. */
export function toTargetSet(t: Targets): TargetSet {
  const margins: MarginTargets[] = (t.margins ?? []).map((m, i) => ({
    variables: [m.variable],
    entries: Object.entries(m.targets).map(([code, target]) => ({ codes: [code], target, path: jsonPath(['margins', i, 'targets', code]) })),
  }));
  if (t.cells?.length) {
    const variables = Object.keys(t.cells[0]).filter((k) => k !== 'target');
    margins.push({
      variables,
      entries: t.cells.map((c, i) => ({ codes: variables.map((v) => String(c[v])), target: c.target as number, path: jsonPath(['cells', i]) })),
    });
  }
  return { total: t.total ?? null, margins };
}

/** The JSON form of a normalised target set (what a recipe stores and the dialog's grid edits). */
export function fromTargetSet(ts: TargetSet): Targets {
  const margins = ts.margins.filter((m) => m.variables.length === 1);
  const joint = ts.margins.find((m) => m.variables.length > 1);
  const numeric = (s: string) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);
  return {
    ...(ts.total !== null ? { total: ts.total } : {}),
    ...(margins.length
      ? { margins: margins.map((m) => ({ variable: m.variables[0], targets: Object.fromEntries(m.entries.map((e) => [e.codes[0], e.target])) })) }
      : {}),
    ...(joint
      ? { cells: joint.entries.map((e) => ({ ...Object.fromEntries(joint.variables.map((v, k) => [v, numeric(e.codes[k])])), target: e.target })) }
      : {}),
  };
}
