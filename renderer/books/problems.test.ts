import { describe, expect, it } from 'vitest';
import { newVariable } from '../../shared/model/dataset';
import { interpolate } from '../i18n/i18n';
import { en, nl, type StringKey } from '../i18n/strings';
import { newBookSpec } from './draft';
import { problemText } from './problems';

const tNl = (k: StringKey, p?: Record<string, string | number>) => interpolate(nl[k], p);
const tEn = (k: StringKey, p?: Record<string, string | number>) => interpolate(en[k], p);
const spec = {
  ...newBookSpec('Boek', 'demo'),
  questions: ['vertrouwen'],
  expected: {
    dataset: 'demo',
    variables: {
      vertrouwen: { label: 'Vertrouwen', valueLabels: { '3': 'Neutraal', '9': 'Weet niet' } },
      gemeente: { label: 'Gemeente', valueLabels: { '6': 'Pekela' } },
    },
  },
};
const variables = [
  newVariable('vertrouwen', 'numeric', { label: 'Vertrouwen in het bestuur', valueLabels: { '3': 'Neutraal (weet niet goed)' } }),
  newVariable('gemeente', 'numeric', { label: 'Gemeente', valueLabels: {} }),
];

describe('book problems in words', () => {
  it('shows old and new value labels side by side, and a lost column by its label', () => {
    const ctx = { t: tNl, dataset: 'golf2024', variables, spec };
    expect(problemText({ kind: 'value-labels-changed', variable: 'vertrouwen', role: 'question', codes: ['3', '9'], fatal: false }, ctx)).toBe(
      'Waardelabels van Vertrouwen in het bestuur (vertrouwen) zijn veranderd: 3: “Neutraal” → “Neutraal (weet niet goed)”; 9: “Weet niet” → (geen label).',
    );
    expect(problemText({ kind: 'category-gone', variable: 'gemeente', role: 'banner', codes: ['6'], fatal: false }, ctx)).toBe(
      'Kolommen van Gemeente komen in golf2024 niet meer voor en verdwijnen uit elke tabel: Pekela (6).',
    );
    expect(problemText({ kind: 'missing-variable', variable: 'financien', role: 'question', fatal: true }, ctx)).toBe(
      'Vraag financien bestaat niet in golf2024.',
    );
  });

  it('says whether a missing wave stops the run, in English too', () => {
    const ctx = { t: tEn, dataset: 'demo', variables, spec };
    expect(problemText({ kind: 'wave-missing', variable: 'golf', role: 'comparison', codes: ['2026'], fatal: true }, ctx)).toBe(
      'Wave 2026 of golf is not in demo: there is nothing to tabulate.',
    );
    expect(problemText({ kind: 'wave-missing', variable: 'golf', role: 'comparison', codes: ['2023'], fatal: false }, ctx)).toMatch(/trend column stays empty/);
  });
});
