import demoBook from '../../resources/demo/book.json';
import { describe, expect, it } from 'vitest';
import { compactNumeric, newVariable, type Dataset } from '../model/dataset';
import { applyRecode } from '../transform/recode';
import { parseBookSpec } from './book';
import { toRecodeRecipe } from './recode';
import { andMasks, valueMask } from './filter';

describe('book spec', () => {
  it('reads the committed demo spec and fills defaults', () => {
    const spec = parseBookSpec(demoBook);
    expect(spec.questions).toEqual(['leefbaarheid', 'vertrouwen', 'gezondheid', 'eenzaamheid', 'zorgen_schade', 'financien']);
    expect(spec.banner.items).toHaveLength(3);
    const min = parseBookSpec({ version: 1, title: 'T', dataset: 'd', banner: { items: [{ variable: 'a' }] }, questions: { allCategorical: true } });
    expect(min).toMatchObject({ ruleSet: 'cbs-persons', decimals: 1, layout: 'sheet-per-table', symbols: { unknown: '.', suppressed: 'x', nil: '-' } });
    expect(min.tests).toEqual({ display: 'letters', adjust: 'bonferroni', alpha: 0.05 });
    expect(min.banner.total).toBe(true);
  });

  it('rejects an unknown version, a bad style name and a range rule without bounds', () => {
    const base = { title: 'T', dataset: 'd', banner: { items: [] }, questions: ['q'] };
    expect(() => parseBookSpec({ ...base, version: 2 })).toThrow();
    expect(() => parseBookSpec({ ...base, version: 1, style: '../etc/passwd' })).toThrow();
    expect(() => parseBookSpec({ ...base, version: 1, recodes: [{ source: 'a', target: 'b', rules: [{ code: 1, label: 'x' }] }] })).toThrow(/from, to or both/);
    expect(() => parseBookSpec({ ...base, version: 1, trend: { enabled: true } })).toThrow(/trend: trend columns need a comparison/);
    expect(() => parseBookSpec({ ...base, version: 1, decimals: 9 })).toThrow(/^invalid book specification: decimals: .*$/);
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
