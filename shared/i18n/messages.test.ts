import { describe, expect, it } from 'vitest';
import { legacyText, reasonTexts, renderMessage } from './messages';
import { EN } from './messages-en';
import { NL } from './messages-nl';
import type { Message, MessageCode } from './message-types';

/** One example per code, so a new code without an example fails the coverage test below. */
const EXAMPLES: { [C in MessageCode]: Extract<Message, { code: C }> } = {
  'primary-cells': { code: 'primary-cells', n: 3, min: 10 },
  'primary-banner': { code: 'primary-banner', n: 1, min: 10 },
  'primary-categories': { code: 'primary-categories', n: 2, min: 10 },
  'column-base': { code: 'column-base', label: 'Man', base: 4, min: 10 },
  'row-base': { code: 'row-base', label: 'Utrecht', base: 4, min: 10 },
  'all-bases-below': { code: 'all-bases-below' },
  'linked-base': { code: 'linked-base', n: 2 },
  'no-pattern': { code: 'no-pattern' },
  'secondary-cells': { code: 'secondary-cells', n: 3 },
  'secondary-layers': { code: 'secondary-layers', n: 1 },
  'secondary-categories': { code: 'secondary-categories', n: 1 },
  'secondary-magnitude': { code: 'secondary-magnitude', n: 2 },
  'magnitude-unsafe': { code: 'magnitude-unsafe', n: 1, rule: 'dominance' },
  'means-withheld': { code: 'means-withheld', n: 1, min: 10 },
  'chi2-withheld': { code: 'chi2-withheld' },
  'responses-withheld': { code: 'responses-withheld' },
  'weight-summary-withheld': { code: 'weight-summary-withheld' },
  'input-suppressed': { code: 'input-suppressed' },
  'input-suppressed-layers': { code: 'input-suppressed-layers' },
  'table-small': { code: 'table-small', n: 8, min: 10 },
  'total-withheld': { code: 'total-withheld' },
  'total-costlier': { code: 'total-costlier' },
  'total-too-large': { code: 'total-too-large', max: 200 },
  'linked-recomputable': { code: 'linked-recomputable', tables: 'geslacht, regio' },
  'identifiers-not-exported': { code: 'identifiers-not-exported' },
  'blocked-by-rules': { code: 'blocked-by-rules' },
  'not-in-output-role': { code: 'not-in-output-role', variable: 'respnr', ruleSet: 'cbs-persons', role: 'id' },
  'not-in-output-key': { code: 'not-in-output-key', variable: 'rinpersoon', ruleSet: 'cbs-persons', key: 'RINPERSOON' },
  'identifier-role': { code: 'identifier-role', variable: 'respnr', role: 'id' },
  'linking-key': { code: 'linking-key', variable: 'rinpersoon_ma', key: 'RINPERSOON' },
  'model-df': { code: 'model-df', df: 4, min: 10 },
  'model-n': { code: 'model-n', n: 8, min: 10 },
  'model-category': { code: 'model-category', variable: 'g', kind: 'reference', value: '1', label: 'Man', count: 7, min: 10 },
  'model-leverage': { code: 'model-leverage', leverage: 0.97, max: 0.5, term: 'd' },
  'model-sparse': { code: 'model-sparse', variable: 'd', value: '0', count: 1, min: 10 },
  'weight-role': { code: 'weight-role', variable: 'leeftijd', role: 'input' },
  'derived-identifier': { code: 'derived-identifier', variable: 'd', identifier: 'respnr' },
  'model-counts-unknown': { code: 'model-counts-unknown' },
  'model-sample-mismatch': { code: 'model-sample-mismatch', check: 12128, model: 12000 },
  'override-blocked': { code: 'override-blocked', date: '2026-11-25' },
  'override-released': { code: 'override-released', n: 2, date: '2026-11-25', reason: 'afgestemd met CBS' },
  'override-stale-counts': { code: 'override-stale-counts', date: '2026-11-25' },
  'override-stale-cell': { code: 'override-stale-cell', date: '2026-11-25', row: 'Man', col: 'Totaal', count: 7 },
  'override-no-rules': { code: 'override-no-rules' },
  'override-table-blocked': { code: 'override-table-blocked', why: [{ code: 'table-small', n: 7, min: 10 }] },
  'set-by-set': { code: 'set-by-set', set: '$isolatie', col: '$zorgen' },
  'override-unknown-cell': { code: 'override-unknown-cell', row: '3', col: 'total' },
  'override-not-primary': { code: 'override-not-primary', row: 'Pekela', col: '18–34', secondary: true },
  'rules-reason-required': { code: 'rules-reason-required', ruleSet: 'none', project: 'cbs-persons', min: 10 },
  'rules-unchecked': { code: 'rules-unchecked', ruleSet: 'none', project: 'cbs-persons' },
  'difference-cells': { code: 'difference-cells', n: 2, min: 10, source: 'filter' },
  text: { code: 'text', text: 'vrije tekst' },
  'expr-needs-numbers': { code: 'expr-needs-numbers', fn: 'sum' },
  'expr-value-needs-var': { code: 'expr-value-needs-var' },
  'expr-range-args': { code: 'expr-range-args' },
  'expr-same-type': { code: 'expr-same-type', fn: 'any', type: 'num' },
  'expr-range-order': { code: 'expr-range-order', from: 'b', to: 'a' },
  'expr-unknown-variable': { code: 'expr-unknown-variable', names: ['x'] },
  'expr-needs-number': { code: 'expr-needs-number', op: '-' },
  'expr-compare-types': { code: 'expr-compare-types' },
  'expr-filter-text': { code: 'expr-filter-text' },
  'expr-result-text': { code: 'expr-result-text' },
  'expr-ends-early': { code: 'expr-ends-early', expected: 'close' },
  'expr-expected': { code: 'expr-expected', expected: 'operand', found: ')' },
  'expr-chained-comparison': { code: 'expr-chained-comparison' },
  'expr-unknown-function': { code: 'expr-unknown-function', name: 'foo' },
  'expr-no-n-suffix': { code: 'expr-no-n-suffix', name: 'abs' },
  'expr-range-not-allowed': { code: 'expr-range-not-allowed' },
  'expr-arg-count': { code: 'expr-arg-count', name: 'abs', min: 1, exact: true, got: 2 },
  'expr-empty': { code: 'expr-empty' },
  'expr-unterminated-string': { code: 'expr-unterminated-string' },
  'expr-unexpected-char': { code: 'expr-unexpected-char', char: '#' },
  'engine-unknown-variable': { code: 'engine-unknown-variable', name: 'lefetijd' },
  'engine-string-weight': { code: 'engine-string-weight', name: 'opmerking' },
  'engine-string-mean': { code: 'engine-string-mean', name: 'opmerking' },
  'engine-string-in-model': { code: 'engine-string-in-model', name: 'opmerking', as: 'dependent' },
  'engine-empty-table': { code: 'engine-empty-table', row: 'a', col: 'b' },
  'engine-empty-layers': { code: 'engine-empty-layers', row: 'a', col: 'b', layers: ['golf'] },
  'engine-no-cases': { code: 'engine-no-cases', variable: 'a', filter: 'golf = 2030' },
  'engine-no-layers': { code: 'engine-no-layers' },
  'engine-too-many-layers': { code: 'engine-too-many-layers', layers: ['wijk', 'respnr'], n: 2_000_000 },
  'engine-design-missing': { code: 'engine-design-missing', strataOnly: false },
  'engine-unknown-set': { code: 'engine-unknown-set', name: '$nee', known: '$isolatie, $prioriteit' },
  'engine-set-no-members': { code: 'engine-set-no-members', set: '$leeg' },
  'engine-set-mixed': { code: 'engine-set-mixed', set: '$mix' },
  'engine-set-no-counted': { code: 'engine-set-no-counted', set: '$isolatie' },
  'engine-set-empty-table': { code: 'engine-set-empty-table', set: '$isolatie' },
  'engine-set-in-layers': { code: 'engine-set-in-layers', set: '$isolatie' },
  'engine-set-in-nest': { code: 'engine-set-in-nest', set: '$isolatie' },
  'engine-set-needs-total': { code: 'engine-set-needs-total', set: '$isolatie' },
  'engine-set-by-set': { code: 'engine-set-by-set', set: '$isolatie', col: '$zorgen' },
  'reg-too-few-cases': { code: 'reg-too-few-cases', n: 3, k: 5 },
  'reg-fe-too-few': { code: 'reg-fe-too-few', n: 10, k: 2, groups: 9 },
  'reg-no-predictors': { code: 'reg-no-predictors' },
  'reg-unknown-group': { code: 'reg-unknown-group', name: 'psu' },
  'reg-design-frequency': { code: 'reg-design-frequency' },
  'reg-fe-design': { code: 'reg-fe-design' },
  'reg-fe-weights': { code: 'reg-fe-weights' },
  'reg-fe-intercept': { code: 'reg-fe-intercept' },
  'reg-fe-panel': { code: 'reg-fe-panel' },
  'reg-few-clusters': { code: 'reg-few-clusters', name: 'gemeente' },
  'reg-single-psu': { code: 'reg-single-psu' },
  'reg-collinear': { code: 'reg-collinear', term: 'leeftijd' },
  'reg-dependent-values': { code: 'reg-dependent-values', name: 'isolatie_dak', many: true },
  'reg-unknown-reference': { code: 'reg-unknown-reference', ref: '12', variable: 'gemeente' },
  'reg-not-converged': { code: 'reg-not-converged', iterations: 50 },
  'reg-separation': { code: 'reg-separation' },
  'chi2-fisher-fractional': { code: 'chi2-fisher-fractional' },
  'chi2-sampling': { code: 'chi2-sampling' },
  'chi2-raoscott-empty': { code: 'chi2-raoscott-empty' },
  'chi2-lonely-strata': { code: 'chi2-lonely-strata', n: 2 },
  'chi2-domain': { code: 'chi2-domain' },
  'expr-identifier': { code: 'expr-identifier', variable: 'd', identifier: 'respnr', why: 'role', detail: 'id' },
  'weight-targets': { code: 'weight-targets', line: 4, problem: 'csv-number', value: 'veel' },
  'weight-unknown-variable': { code: 'weight-unknown-variable', variable: 'gemeente' },
  'weight-text-base': { code: 'weight-text-base', variable: 'opmerking' },
  'weight-unknown-code': { code: 'weight-unknown-code', variable: 'gemeente', written: 'Oost', path: 'margins[0].targets.Oost' },
  'weight-codes': { code: 'weight-codes', mismatches: [{ variable: 'gemeente', notInData: ['11'], notInTargets: ['12', '13'] }] },
  'weight-zero-target': { code: 'weight-zero-target', variable: 'gemeente', codes: ['6'] },
  'weight-totals': { code: 'weight-totals', variable: 'geslacht', sum: 585003, total: 585000 },
  'weight-not-converged': { code: 'weight-not-converged', method: 'rake', iterations: 1000, difference: 0.0012, bounds: [0.5, 2] },
  'weight-no-cases': { code: 'weight-no-cases' },
  'weight-method-margins': { code: 'weight-method-margins', method: 'poststrat' },
  'weight-bounds-method': { code: 'weight-bounds-method', method: 'poststrat' },
  'weight-bounds': { code: 'weight-bounds', lo: 1.2, hi: 2 },
  'weight-trim': { code: 'weight-trim', max: 5, mean: 12.5 },
  'weight-variable-exists': { code: 'weight-variable-exists', name: 'weging' },
  'weight-too-many-cells': { code: 'weight-too-many-cells', cells: 3e9 },
};

/** Words that only English rule texts use; none may appear in a Dutch text. */
const ENGLISH = /\b(cell\(s\)|cells?|suppressed|based on|fewer|withheld|further|column|row|table|needs|expected|unknown|found|override)\b/i;

describe('message catalogue', () => {
  it('has a Dutch and an English text for every code, and they differ', () => {
    expect(Object.keys(NL).sort()).toEqual(Object.keys(EN).sort());
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(EN).sort());
    for (const m of Object.values(EXAMPLES)) {
      const nl = renderMessage(m, 'nl');
      const en = renderMessage(m, 'en');
      expect(nl.length, m.code).toBeGreaterThan(0);
      expect(en.length, m.code).toBeGreaterThan(0);
      if (m.code !== 'text') expect(nl, m.code).not.toBe(en);
    }
  });

  it('Dutch texts contain no English rule words', () => {
    for (const m of Object.values(EXAMPLES)) {
      if (m.code === 'text') continue;
      expect(renderMessage(m, 'nl'), m.code).not.toMatch(ENGLISH);
    }
  });

  it('uses Dutch singular and plural forms', () => {
    expect(renderMessage({ code: 'primary-banner', n: 1, min: 10 }, 'nl')).toBe('1 cel of basis gebaseerd op minder dan 10 waarnemingen');
    expect(renderMessage({ code: 'primary-banner', n: 3, min: 10 }, 'nl')).toBe('3 cellen of bases gebaseerd op minder dan 10 waarnemingen');
    expect(renderMessage({ code: 'secondary-cells', n: 1 }, 'nl')).toMatch(/^nog 1 cel onderdrukt /);
    expect(renderMessage({ code: 'secondary-cells', n: 3 }, 'nl')).toMatch(/^nog 3 cellen onderdrukt /);
    expect(renderMessage({ code: 'primary-categories', n: 1, min: 10 }, 'nl')).toMatch(/^1 categorie of totaal /);
    expect(renderMessage({ code: 'primary-categories', n: 2, min: 10 }, 'nl')).toMatch(/^2 categorieën of totalen /);
    expect(renderMessage({ code: 'means-withheld', n: 1, min: 10 }, 'nl')).toMatch(/^1 gemiddelde /);
    expect(renderMessage({ code: 'means-withheld', n: 4, min: 10 }, 'nl')).toMatch(/^4 gemiddelden /);
    expect(renderMessage({ code: 'model-category', variable: 'g', kind: 'value', value: '1', label: '', count: 1, min: 10 }, 'nl')).toBe(
      'g: waarde 1 telt 1 waarneming, minder dan 10',
    );
    expect(renderMessage({ code: 'expr-arg-count', name: 'abs', min: 1, exact: true, got: 2 }, 'nl')).toBe("'abs' verwacht 1 argument, maar kreeg er 2");
    expect(renderMessage({ code: 'expr-arg-count', name: 'mean', min: 2, exact: false, got: 1 }, 'nl')).toBe(
      "'mean' verwacht minstens 2 argumenten, maar kreeg er 1",
    );
  });

  it('writes numbers the Dutch way in Dutch and plainly in English', () => {
    const m: Message = { code: 'model-sample-mismatch', check: 12128, model: 12000 };
    expect(renderMessage(m, 'nl')).toBe('steekproef voor de controle (12.128) wijkt af van het model (12.000)');
    expect(renderMessage({ code: 'secondary-cells', n: 1234 }, 'nl')).toMatch(/^nog 1\.234 cellen /);
    expect(renderMessage({ code: 'secondary-cells', n: 1234 }, 'en')).toMatch(/^1234 further cell\(s\)/);
  });

  it('says why an override is stale with or without its date', () => {
    expect(renderMessage({ code: 'override-stale-counts', date: '2026-11-25' }, 'nl')).toMatch(/^vrijgave van 2026-11-25 niet toegepast: de aantallen/);
    expect(renderMessage({ code: 'override-stale-counts' }, 'nl')).toMatch(/^de aantallen in de tabel zijn veranderd/);
    expect(legacyText({ code: 'override-stale-cell', date: '2026-11-25', row: 'Man', col: 'Totaal', count: 7 })).toBe(
      'override of 2026-11-25 not applied: cell Man / Totaal no longer has count 7',
    );
  });

  it('renders nested reasons in the same language', () => {
    const m: Message = { code: 'override-table-blocked', why: [{ code: 'table-small', n: 7, min: 10 }] };
    expect(renderMessage(m, 'nl')).toBe(
      'Deze tabel wordt als geheel achtergehouden (tabel gebaseerd op 7 waarnemingen, minder dan 10); losse cellen kunnen niet worden vrijgegeven.',
    );
    expect(legacyText(m)).toBe('This table is withheld as a whole (table based on 7 units, below 10); single cells cannot be released.');
  });

  it('puts a scope (layer label) in front', () => {
    expect(renderMessage({ code: 'secondary-cells', n: 2, scope: 'Vrouw' }, 'nl')).toMatch(/^Vrouw: nog 2 cellen /);
    expect(legacyText({ code: 'secondary-cells', n: 2, scope: 'Vrouw' })).toMatch(/^Vrouw: 2 further cell\(s\)/);
  });

  it('keeps the legacy reason texts of the CLI JSON: English, the model counts Dutch with plain numbers', () => {
    expect(legacyText({ code: 'primary-banner', n: 1, min: 10 })).toBe('1 cell(s) or base(s) based on fewer than 10 units');
    expect(legacyText({ code: 'model-sample-mismatch', check: 12128, model: 12000 })).toBe(
      'steekproef voor de controle (12128) wijkt af van het model (12000)',
    );
  });

  it('falls back to the reason texts when a summary has no codes', () => {
    const rules = { reasons: ['old text'] };
    expect(reasonTexts(rules, 'nl')).toEqual(['old text']);
    expect(reasonTexts({ reasons: ['x'], messages: [{ code: 'no-pattern' }] }, 'nl')).toEqual(['geen onderdrukkingspatroon gevonden dat elke cel beschermt']);
  });
});
