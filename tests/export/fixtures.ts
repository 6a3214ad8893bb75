/**
 * A small seeded dataset for the export tests: one thin municipality (Pekela, ~4 %) so the output
 * rules have cells to suppress, a user-missing code, a label with quotes and markup characters, and
 * an identifier that must never be exported.
 */
import type { Dataset, VariableMeta } from '../../shared/model/dataset';
import { compactNumeric, newVariable } from '../../shared/model/dataset';
import type { BannerResult } from '../../shared/model/results';
import { banner, type BannerOptions } from '../../shared/engine/banner';
import { groupRulesWith, type GroupEngine } from '../../shared/analysis/table-group';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const labels = (xs: string[]) => Object.fromEntries(xs.map((l, i) => [String(i + 1), l]));

export function makeDataset(rows = 600, seed = 7): Dataset {
  const rnd = lcg(seed);
  const vars: VariableMeta[] = [
    newVariable('respnr', 'numeric', { label: 'Respondentnummer', role: 'id' }),
    newVariable('gemeente', 'numeric', {
      label: 'Gemeente',
      measure: 'nominal',
      valueLabels: labels(['Groningen', 'Het Hogeland', 'Westerkwartier', 'Pekela']),
    }),
    newVariable('geslacht', 'numeric', { label: 'Geslacht', measure: 'nominal', valueLabels: labels(['Man', 'Vrouw']) }),
    newVariable('leeftijd', 'numeric', { label: 'Leeftijd in jaren', measure: 'scale' }),
    newVariable('w', 'numeric', { label: 'Weegfactor', measure: 'scale', role: 'weight' }),
    newVariable('q1', 'numeric', {
      label: 'Tevredenheid met de buurt',
      measure: 'ordinal',
      valueLabels: { ...labels(['Zeer ontevreden', 'Ontevreden', 'Neutraal', 'Tevreden', 'Zeer tevreden']), '9': 'Weet niet' },
      missing: { values: [9], range: null },
    }),
    newVariable('q2', 'numeric', { label: 'Gebruik van het OV; "vaak" & <soms>', measure: 'nominal', valueLabels: labels(['Vaak\u0001', 'Soms', 'Nooit']) }),
  ];
  const cols: number[][] = vars.map(() => []);
  for (let i = 0; i < rows; i++) {
    const g = rnd() < 0.04 ? 4 : 1 + Math.floor(rnd() * 3);
    const sex = 1 + Math.floor(rnd() * 2);
    const age = 18 + Math.floor(rnd() * 70);
    const q1 = rnd() < 0.05 ? 9 : Math.min(5, Math.max(1, Math.round(2.5 + g * 0.4 + (rnd() - 0.5) * 3)));
    const q2 = rnd() < 0.03 ? NaN : 1 + Math.floor(rnd() * 3);
    [i + 1, g, sex, age, 0.5 + rnd(), q1, q2].forEach((v, k) => cols[k].push(v));
  }
  return {
    name: 'test',
    rows,
    variables: vars,
    columns: cols.map((c) => ({ kind: 'numeric' as const, data: compactNumeric(Float64Array.from(c)) })),
    weight: 'w',
    fileLabel: '',
    documents: [],
    mrSets: [],
  };
}

export const AGE_RECODE = {
  source: 'leeftijd',
  target: 'leeftijd_gr',
  label: 'Leeftijd',
  rules: [
    { to: 39, code: 1, label: '18-39' },
    { from: 40, to: 64, code: 2, label: '40-64' },
    { from: 65, code: 3, label: '65+' },
  ],
};

export interface Recorded {
  options: BannerOptions;
  raw: BannerResult;
  ruled: BannerResult;
}

/**
 * The engine's banner and (group) rules, with every table recorded so a test can compare the file
 * to them: the rules run over all tables of one banner at once, so a raw banner is matched to its
 * options by identity.
 */
export function recordingEngine(): { engine: GroupEngine; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const options = new Map<BannerResult, BannerOptions>();
  const groupRules = groupRulesWith('', []);
  return {
    calls,
    engine: {
      banner: (ds, o) => {
        const raw = banner(ds, o);
        options.set(raw, o);
        return raw;
      },
      groupRules: (raws, rs, references) => {
        const ruled = groupRules(raws, rs, references);
        raws.forEach((raw, i) => calls.push({ options: options.get(raw)!, raw, ruled: ruled[i] }));
        return ruled;
      },
    },
  };
}
