import { describe, expect, it } from 'vitest';
import demoBook from '../../resources/demo/book.json';
import { bookSpec, parseBookSpec } from '../../shared/book/book';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { newVariable } from '../../shared/model/dataset';
import {
  addBannerItem,
  addQuestions,
  bookVariables,
  categoricalVariables,
  draftIssues,
  moveQuestionsTo,
  nestBannerItem,
  newBookSpec,
  problemField,
  removeQuestions,
  schemaIssues,
  shiftBannerItem,
  shiftQuestions,
  unnestBannerItem,
} from './draft';

const withQuestions = (q: string[]) => ({ ...newBookSpec('Boek', 'demo'), questions: q });

describe('book draft edits', () => {
  it('adds questions once each, at a position, and removes them', () => {
    let s = addQuestions(newBookSpec('Boek', 'demo'), ['a', 'b', 'a']);
    expect(s.questions).toEqual(['a', 'b']);
    s = addQuestions(s, ['c', 'b'], 1);
    expect(s.questions).toEqual(['a', 'c', 'b']);
    expect(addQuestions(s, ['a'])).toBe(s);
    expect(removeQuestions(s, ['a', 'b']).questions).toEqual(['c']);
  });

  it('moves a selection as one block, by drop target and by Alt+arrow', () => {
    const s = withQuestions(['a', 'b', 'c', 'd', 'e']);
    expect(moveQuestionsTo(s, ['d', 'b'], 'a').questions).toEqual(['b', 'd', 'a', 'c', 'e']);
    expect(moveQuestionsTo(s, ['a'], null).questions).toEqual(['b', 'c', 'd', 'e', 'a']);
    // Dropping a block on one of its own members changes nothing.
    expect(moveQuestionsTo(s, ['b', 'c'], 'c')).toBe(s);
    expect(shiftQuestions(s, ['b', 'd'], -1).questions).toEqual(['b', 'a', 'd', 'c', 'e']);
    expect(shiftQuestions(s, ['c', 'd'], 1).questions).toEqual(['a', 'b', 'e', 'c', 'd']);
    // At the edge the block stays together rather than squeezing.
    expect(shiftQuestions(s, ['a', 'c'], -1)).toBe(s);
    expect(shiftQuestions(s, ['e'], 1)).toBe(s);
  });

  it('stacks, nests, unnests and moves banner items', () => {
    let s = addBannerItem(addBannerItem(newBookSpec('Boek', 'demo'), 'gemeente'), 'geslacht');
    expect(addBannerItem(s, 'gemeente')).toBe(s);
    s = nestBannerItem(s, 0, 'leeftijdsklasse');
    expect(s.banner.items).toEqual([{ nest: ['gemeente', 'leeftijdsklasse'] }, { variable: 'geslacht' }]);
    expect(nestBannerItem(s, 1, 'geslacht')).toBe(s);
    // A set stands beside the others: never nested, nothing nested under it.
    expect(nestBannerItem(s, 1, '$isolatie')).toBe(s);
    const withSet = addBannerItem(s, '$isolatie');
    expect(withSet.banner.items[2]).toEqual({ variable: '$isolatie' });
    expect(nestBannerItem(withSet, 2, 'opleiding')).toBe(withSet);
    s = shiftBannerItem(s, 0, 1);
    expect(s.banner.items[1]).toEqual({ nest: ['gemeente', 'leeftijdsklasse'] });
    expect(unnestBannerItem(s, 1).banner.items).toEqual([{ variable: 'geslacht' }, { variable: 'gemeente' }]);
    expect(shiftBannerItem(s, 1, 1)).toBe(s);
  });

  it('offers the categorical input variables with labels, not the banner, weight or wave', () => {
    const vars = [
      newVariable('golf', 'numeric', { measure: 'nominal', valueLabels: { '2024': 'Golf 2024' } }),
      newVariable('gemeente', 'numeric', { measure: 'nominal', valueLabels: { '1': 'A' }, folder: 'Achtergrond' }),
      newVariable('tevreden', 'numeric', { measure: 'ordinal', valueLabels: { '1': 'Ja' }, folder: 'Wonen' }),
      newVariable('leeftijd', 'numeric', { measure: 'scale', folder: 'Wonen' }),
      newVariable('respnr', 'numeric', { measure: 'nominal', valueLabels: { '1': 'x' }, role: 'id', folder: 'Wonen' }),
      newVariable('buurt', 'numeric', { measure: 'nominal', valueLabels: {}, folder: 'Wonen' }),
    ];
    const s = { ...addBannerItem(newBookSpec('Boek', 'demo'), 'gemeente'), comparison: { variable: 'golf', current: 2025, previous: 2024 } };
    expect(categoricalVariables(vars, s).map((v) => v.name)).toEqual(['tevreden']);
    expect(categoricalVariables(vars, newBookSpec('B', 'demo'), 'Achtergrond').map((v) => v.name)).toEqual(['gemeente']);
  });

  it("lists the book's own recodes as variables, labelled from the recode", () => {
    const spec = parseBookSpec(demoBook);
    const vars = bookVariables([newVariable('leeftijd', 'numeric', { label: 'Leeftijd in jaren', measure: 'scale' })], spec);
    const made = vars.find((v) => v.name === 'leeftijd_gr')!;
    expect(made).toMatchObject({ label: 'Leeftijd', measure: 'ordinal', derivedFrom: 'leeftijd' });
    expect(made.valueLabels['1']).toBe('18 tot 35 jaar');
  });
});

describe('what is wrong with a draft, by field', () => {
  it('names an empty book, a trend without waves, unreadable symbols, no statistics', () => {
    const s = { ...newBookSpec('', 'demo'), trend: { enabled: true, markers: { up: '▲', down: '▼' } } };
    const issues = draftIssues({ ...s, symbols: { suppressed: 'x', unknown: 'x', nil: '-' }, statistics: { ...s.statistics, colPct: false, base: false } }, []);
    expect(issues.map((i) => [i.field, i.key])).toEqual([
      ['title', 'bk.err.title'],
      ['questions', 'bk.err.noQuestions'],
      ['trend', 'bk.err.trendNeedsWaves'],
      ['symbols', 'bk.err.symbolSame'],
      ['statistics', 'bk.err.noStatistics'],
    ]);
  });

  it('names a string weight, a wave compared with itself, a variable nested under itself', () => {
    const vars = [newVariable('w', 'string', {}), newVariable('golf', 'numeric', { measure: 'nominal', valueLabels: { '1': 'x' } })];
    const s = {
      ...withQuestions(['q']),
      weight: { variable: 'w', type: 'sampling' as const },
      comparison: { variable: 'golf', current: 1, previous: 1 },
      trend: { enabled: true, markers: { up: '▲', down: '▼' } },
      banner: { total: true, items: [{ nest: ['golf', 'golf'] as [string, string] }] },
    };
    expect(draftIssues(s, vars).map((i) => i.key)).toEqual(['bk.err.nestSelf', 'bk.err.weightType', 'bk.err.sameWave']);
  });

  it("asks a reason for rules below the project's, where the rules are chosen", () => {
    const project = defaultRuleSet('cbs-persons');
    const loose = { ...withQuestions(['q']), ruleSet: 'none' as const };
    expect(draftIssues(loose, [], project)).toEqual([expect.objectContaining({ field: 'rules', key: 'bk.err.rulesReason', severity: 'error' })]);
    expect(draftIssues({ ...loose, rulesReason: 'te kort' }, [], project)).toHaveLength(1);
    expect(draftIssues({ ...loose, rulesReason: 'interne controle van de weging' }, [], project)).toEqual([]);
    // The project's own rules, or stricter ones, need no reason.
    expect(draftIssues({ ...withQuestions(['q']), ruleSet: 'cbs-persons' }, [], project)).toEqual([]);
    expect(draftIssues(loose, [], defaultRuleSet('none'))).toEqual([]);
  });

  it('agrees with the schema the backend and the CLI read', () => {
    expect(schemaIssues(withQuestions(['q']))).toEqual([]);
    expect(bookSpec.safeParse(withQuestions(['q'])).success).toBe(true);
    const bad = schemaIssues({ ...withQuestions(['q']), decimals: 9 });
    expect(bad).toEqual([expect.objectContaining({ field: 'other', severity: 'error', message: expect.stringMatching(/^decimals: /) })]);
    expect(schemaIssues(withQuestions([]))[0].field).toBe('questions');
  });

  it('puts each check problem beside the setting it is about', () => {
    expect(problemField({ kind: 'missing-variable', variable: 'w', role: 'weight', fatal: true })).toBe('weight');
    expect(problemField({ kind: 'filter-invalid', role: 'filter', fatal: true })).toBe('filter');
    expect(problemField({ kind: 'unknown-folder', detail: 'x', fatal: true })).toBe('questions');
    expect(problemField({ kind: 'wave-missing', variable: 'golf', role: 'comparison', codes: ['2026'], fatal: true })).toBe('comparison');
  });
});
