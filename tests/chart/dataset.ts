/** A small deterministic survey for the end-to-end chart tests (no demo generator needed). */
import { newVariable, type Dataset } from '../../shared/model/dataset';

export function surveyDataset(n = 400): Dataset {
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const q = new Int8Array(n);
  const g = new Int8Array(n);
  const w = new Float64Array(n);
  const id = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // Group 3 is small so the output rules have cells to suppress.
    g[i] = i < 12 ? 3 : 1 + (i % 2);
    q[i] = rand() < 0.05 ? 9 : 1 + Math.floor(rand() * 5);
    w[i] = 0.5 + rand() * 1.5;
    id[i] = 1000 + i;
  }
  const likert = { '1': 'Helemaal mee oneens', '2': 'Mee oneens', '3': 'Neutraal', '4': 'Mee eens', '5': 'Helemaal mee eens', '9': 'Weet niet' };
  return {
    name: 'survey',
    rows: n,
    weight: 'w',
    fileLabel: '',
    documents: [],
    mrSets: [],
    variables: [
      newVariable('q', 'numeric', {
        label: 'De gemeente luistert naar inwoners',
        measure: 'ordinal',
        valueLabels: likert,
        missing: { values: [9], range: null },
      }),
      newVariable('g', 'numeric', { label: 'Gebied', measure: 'nominal', valueLabels: { '1': 'Noord', '2': 'Zuid', '3': 'Eiland' } }),
      newVariable('w', 'numeric', { label: 'Weegfactor', role: 'weight' }),
      newVariable('respnr', 'numeric', { label: 'Respondentnummer', role: 'id' }),
    ],
    columns: [
      { kind: 'numeric', data: q },
      { kind: 'numeric', data: g },
      { kind: 'numeric', data: w },
      { kind: 'numeric', data: id },
    ],
  };
}
