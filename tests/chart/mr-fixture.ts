/**
 * A "tick all that apply" question with ten answers and long labels, for the chart tests: 900 cases in
 * four areas and two waves, a fractional weight, answers from rare to common, and a small area so the
 * output rules have something to withhold.
 */
import { newVariable, type Dataset } from '../../shared/model/dataset';

export const TEN_ITEMS = [
  'Huisarts of gezondheidscentrum in de buurt',
  'Supermarkt of dagelijkse boodschappen op loopafstand',
  'Openbaar vervoer met een halte binnen vijfhonderd meter',
  'Speelvoorzieningen en trapveldjes voor kinderen',
  'Buurthuis, dorpshuis of ontmoetingsplek',
  'Bibliotheek',
  'Sportvereniging of sporthal',
  'Groen: park, bos of plantsoen',
  'Anders',
  'Geen van deze voorzieningen',
];

export function tenItemDataset(n = 900): Dataset {
  let seed = 424242;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const gebied = new Int8Array(n);
  const golf = new Int16Array(n);
  const w = new Float64Array(n);
  const items = TEN_ITEMS.map(() => new Int8Array(n));
  for (let i = 0; i < n; i++) {
    gebied[i] = i < 40 ? 4 : 1 + (i % 3);
    golf[i] = i % 2 === 0 ? 2024 : 2025;
    w[i] = 0.6 + rand() * 0.9;
    let any = false;
    for (let k = 0; k < 8; k++) {
      const p = 0.08 + 0.09 * k + (gebied[i] === 2 ? 0.05 : 0);
      items[k][i] = rand() < p ? 1 : 0;
      any ||= items[k][i] === 1;
    }
    items[8][i] = rand() < 0.04 ? 1 : 0;
    items[9][i] = !any && items[8][i] === 0 ? 1 : 0;
  }
  const names = TEN_ITEMS.map((_, k) => `voorz_${k + 1}`);
  return {
    name: 'voorzieningen',
    rows: n,
    weight: 'w',
    fileLabel: '',
    documents: [],
    variables: [
      ...names.map((name, k) =>
        newVariable(name, 'numeric', { label: TEN_ITEMS[k], measure: 'nominal', valueLabels: { '0': 'Niet genoemd', '1': 'Genoemd' } }),
      ),
      newVariable('gebied', 'numeric', { label: 'Gebied', measure: 'nominal', valueLabels: { '1': 'Noord', '2': 'Midden', '3': 'Zuid', '4': 'Eilanden' } }),
      newVariable('golf', 'numeric', { label: 'Golf', measure: 'nominal', valueLabels: { '2024': '2024', '2025': '2025' } }),
      newVariable('w', 'numeric', { label: 'Weegfactor', role: 'weight' }),
    ],
    columns: [
      ...items.map((data) => ({ kind: 'numeric' as const, data })),
      { kind: 'numeric', data: gebied },
      { kind: 'numeric', data: golf },
      { kind: 'numeric', data: w },
    ],
    mrSets: [{ name: '$voorzieningen', label: 'Welke voorzieningen mist u in uw buurt?', type: 'dichotomies', countedValue: 1, variables: names }],
  };
}
