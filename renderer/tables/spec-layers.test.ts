import { describe, expect, it } from 'vitest';
import { addColumn, addLayer, addRow, emptySpec, layerRequests, nestColumn, removeLayer, reviveSpec } from './spec';

describe('table builder layers', () => {
  it('adds a layer once and removes it', () => {
    const s = addLayer(addLayer(emptySpec, 'golf'), 'golf');
    expect(s.layers).toEqual(['golf']);
    expect(removeLayer(s, 0).layers).toEqual([]);
  });

  it('one layered request per row × plain column; nested columns left out; no layers, no requests', () => {
    let s = addColumn(addColumn(addRow(addRow(emptySpec, 'gemeente'), 'opleiding'), 'geslacht'), 'leeftijdsklasse');
    s = nestColumn(s, 1, 'opleiding');
    expect(layerRequests(s, 'demo', true)).toEqual([]);
    s = { ...addLayer(s, 'golf'), filter: 'leeftijd >=' };
    const reqs = layerRequests(s, 'demo', false);
    expect(reqs.map((r) => `${r.row}×${r.col}`)).toEqual(['gemeente×geslacht', 'opleiding×geslacht']);
    expect(reqs[0]).toEqual({ dataset: 'demo', row: 'gemeente', col: 'geslacht', layers: ['golf'], includeMissingLayers: false });
  });

  it('a saved spec keeps its layers that the dataset has', () => {
    const { spec, missing } = reviveSpec({ rows: ['gemeente'], layers: ['GOLF', 'wave'] }, ['gemeente', 'golf']);
    expect(spec.layers).toEqual(['golf']);
    expect(missing).toEqual(['wave']);
    expect(reviveSpec({ rows: ['gemeente'] }, ['gemeente']).spec.layers).toEqual([]);
  });
});
