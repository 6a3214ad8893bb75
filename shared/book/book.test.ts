import demoBook from '../../resources/demo/book.json';
import demoBookV1 from '../../tests/fixtures/book/demo-book-v1.json';
import { describe, expect, it } from 'vitest';
import { compactNumeric, newVariable, type Dataset } from '../model/dataset';
import { applyRecode } from '../transform/recode';
import { parseBookSpec } from './book';
import { toRecodeRecipe } from './recode';
import { andMasks, valueMask } from '../analysis/filter';

describe('book spec', () => {
  it('reads the committed demo spec and fills defaults', () => {
    const spec = parseBookSpec(demoBook);
    expect(spec.questions).toEqual(['leefbaarheid', 'vertrouwen', 'gezondheid', 'eenzaamheid', 'zorgen_schade', 'financien', '$isolatie']);
    expect(spec.banner.items).toHaveLength(3);
    const min = parseBookSpec({ version: 1, title: 'T', dataset: 'd', banner: { items: [{ variable: 'a' }] }, questions: { allCategorical: true } });
    expect(min).toMatchObject({ ruleSet: 'cbs-persons', decimals: 1, layout: 'sheet-per-table', symbols: { unknown: '.', suppressed: 'x', nil: '-' } });
    expect(min.tests).toEqual({ display: 'letters', adjust: 'bonferroni', alpha: 0.05, chi2: false });
    expect(min.version).toBe(2);
    expect(min.banner.total).toBe(true);
  });

  it('rejects an unknown version, a bad style name and a range rule without bounds', () => {
    const base = { title: 'T', dataset: 'd', banner: { items: [] }, questions: ['q'] };
    expect(() => parseBookSpec({ ...base, version: 3 })).toThrow();
    expect(() => parseBookSpec({ ...base, version: 1, style: '../etc/passwd' })).toThrow();
    expect(() => parseBookSpec({ ...base, version: 1, recodes: [{ source: 'a', target: 'b', rules: [{ code: 1, label: 'x' }] }] })).toThrow(/from, to or both/);
    expect(() => parseBookSpec({ ...base, version: 1, trend: { enabled: true } })).toThrow(/trend: trend columns need a comparison/);
    expect(() => parseBookSpec({ ...base, version: 1, decimals: 9 })).toThrow(/^invalid book specification: decimals: .*$/);
  });

  it('reads a version 1 file (the demo book as it was committed before) as the same version 2 book', () => {
    const v1 = parseBookSpec(demoBookV1);
    const v2 = parseBookSpec(demoBook);
    // The demo book has since gained a question on the insulation set; otherwise it is the same book.
    expect(v1).toEqual({ ...v2, questions: (v2.questions as string[]).filter((q) => q !== '$isolatie') });
    expect(v1.statistics).toMatchObject({ colPct: true, base: true, weightedBase: false, counts: false });
    // Version 1 statistics names still validate: a wrong type names the field the file has.
    expect(() => parseBookSpec({ ...demoBookV1, statistics: { unweightedBase: 'yes' } })).toThrow(/statistics/);
    // An absent rule set meant cbs-persons in version 1; in version 2 it means the project's.
    const { ruleSet: _v1Rules, ...v1NoRules } = demoBookV1;
    const { ruleSet: _v2Rules, ...v2NoRules } = demoBook;
    expect(parseBookSpec(v1NoRules).ruleSet).toBe('cbs-persons');
    expect(parseBookSpec(v2NoRules).ruleSet).toBeUndefined();
  });

  it('turns range rules into a recode: inclusive bounds, first match wins, missing stays missing', () => {
    const ages = [18, 34, 35, 49.5, 64, 65, 99, NaN];
    const ds: Dataset = {
      name: 'd',
      rows: ages.length,
      variables: [newVariable('leeftijd', 'numeric', { missing: { values: [99], range: null } })],
      columns: [{ kind: 'numeric', data: compactNumeric(Float64Array.from(ages)) }],
      weight: null,
      fileLabel: '',
      documents: [],
      mrSets: [],
    };
    const out = applyRecode(
      ds,
      toRecodeRecipe({
        source: 'leeftijd',
        target: 'gr',
        label: 'Leeftijd',
        rules: [
          { to: 34, code: 1, label: 'jong' },
          { from: 35, to: 64, code: 2, label: 'midden' },
          { from: 64, code: 3, label: 'oud' },
        ],
      }),
    );
    const col = out.columns[1];
    const values = Array.from(col.kind === 'numeric' ? col.data : [], (v) => (v < -100 ? NaN : v));
    expect(values).toEqual([1, 1, 2, 2, 2, 3, NaN, NaN]);
    expect(out.variables[1]).toMatchObject({ name: 'gr', label: 'Leeftijd', valueLabels: { '1': 'jong', '2': 'midden', '3': 'oud' } });
  });

  it('selects waves by value and intersects masks', () => {
    const ds: Dataset = {
      name: 'd',
      rows: 4,
      variables: [newVariable('golf', 'numeric')],
      columns: [{ kind: 'numeric', data: compactNumeric(Float64Array.from([2024, 2025, 2025, NaN])) }],
      weight: null,
      fileLabel: '',
      documents: [],
      mrSets: [],
    };
    expect(Array.from(valueMask(ds, 'golf', [2025]))).toEqual([0, 1, 1, 0]);
    expect(Array.from(andMasks(valueMask(ds, 'golf', [2024, 2025]), Uint8Array.from([1, 0, 1, 1]))!)).toEqual([1, 0, 1, 0]);
    expect(andMasks(undefined, undefined)).toBeUndefined();
  });
});
