import { describe, expect, it } from 'vitest';
import { addColumn, addLayer, addRow, emptySpec, layersNeedColumns, nestColumn, removeLayer, reviveSpec, tableQueryOf } from './spec';

describe('table builder layers', () => {
  it('adds a layer once and removes it', () => {
    const s = addLayer(addLayer(emptySpec, 'golf'), 'golf');
    expect(s.layers).toEqual(['golf']);
    expect(removeLayer(s, 0).layers).toEqual([]);
  });

  it('layers go into the one table query; a layered table needs a plain column variable', () => {
    let s = addColumn(addRow(addRow(emptySpec, 'gemeente'), 'opleiding'), 'geslacht');
    s = nestColumn(s, 0, 'leeftijdsklasse');
    expect(tableQueryOf(s, 'demo', true)?.layers).toEqual([]);
    s = addLayer(s, 'golf');
    expect(layersNeedColumns(s)).toBe(true);
    s = addColumn(s, 'geslacht');
    expect(layersNeedColumns(s)).toBe(false);
    expect(tableQueryOf(s, 'demo', true)).toMatchObject({ rows: ['gemeente', 'opleiding'], layers: ['golf'] });
  });

  it('a saved spec keeps its layers that the dataset has', () => {
    const { spec, missing } = reviveSpec({ rows: ['gemeente'], layers: ['GOLF', 'wave'] }, ['gemeente', 'golf']);
    expect(spec.layers).toEqual(['golf']);
    expect(missing).toEqual(['wave']);
    expect(reviveSpec({ rows: ['gemeente'] }, ['gemeente']).spec.layers).toEqual([]);
  });
});
