/**
 * Deterministic generator of the bundled demo data: a synthetic citizens' panel of the province of
 * Groningen, two waves (2024, 2025), about 6,900 members with a stable respondent number.
 *
 * Everything is drawn from one seeded PRNG, so the same code always yields the same dataset: tests,
 * docs and the example tabellenboek can rely on it. Pekela's youngest age band is deliberately thin
 * (< 10 respondents per wave) so that disclosure control has something to catch.
 */
import { compactNumeric, newVariable, type Column, type Dataset, type VariableMeta } from '../../shared/model/dataset';
import { AGE_BANDS, MUNICIPALITIES } from './areas';
import { type Rng, makeRng } from './rng';

const WAVES = [2024, 2025];
const WAVE_RESPONSE = [0.9, 0.87];
/** Panel members per municipality: recruited unevenly, as real panels are. */
const PANEL_SIZE: Record<number, number> = { 1: 560, 2: 2900, 3: 540, 4: 700, 5: 420, 6: 95, 7: 380, 8: 330, 9: 690, 10: 290 };

const FIVE_POINT_MISSING = { values: [9], range: null };

function scale5(labels: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  labels.forEach((l, i) => (out[String(i + 1)] = l));
  out['9'] = 'Weet niet';
  return out;
}

/** Topics for "which three matter most for your municipality?": one value-label set for the three choices. */
const PRIORITIES: Record<string, string> = {
  '1': 'Aardbevingsschade en versterking',
  '2': 'Betaalbaar wonen',
  '3': 'Zorg en welzijn',
  '4': 'Openbaar vervoer',
  '5': 'Groen en openbare ruimte',
  '6': 'Veiligheid',
  '7': 'Armoede en schulden',
  '8': 'Voorzieningen voor jongeren',
  '9': 'Energietransitie',
  '99': 'Weet niet',
};

function variables(): VariableMeta[] {
  const gemeenteLabels: Record<string, string> = {};
  const wijkLabels: Record<string, string> = {};
  for (const m of MUNICIPALITIES) {
    gemeenteLabels[String(m.code)] = m.name;
    m.areas.forEach((a, i) => (wijkLabels[String(m.code * 100 + i + 1)] = `${m.name}: ${a}`));
  }
  const nominal = (name: string, label: string, valueLabels: Record<string, string>, extra: Partial<VariableMeta> = {}) =>
    newVariable(name, 'numeric', { label, measure: 'nominal', valueLabels, format: { type: 'F', width: 4, decimals: 0 }, ...extra });
  const ordinal5 = (name: string, label: string, labels: string[]) =>
    newVariable(name, 'numeric', {
      label,
      measure: 'ordinal',
      valueLabels: scale5(labels),
      missing: FIVE_POINT_MISSING,
      format: { type: 'F', width: 1, decimals: 0 },
    });
  const dich = (name: string, label: string) => nominal(name, label, { '0': 'Niet genoemd', '1': 'Genoemd' }, { format: { type: 'F', width: 1, decimals: 0 } });
  const leefLabels: Record<string, string> = { '1': '1 Zeer slecht', '10': '10 Uitstekend', '99': 'Weet niet' };
  const priority = (name: string, which: string) =>
    nominal(name, `Belangrijkste onderwerp voor de gemeente: ${which} keuze`, PRIORITIES, { missing: { values: [99], range: null } });
  return [
    newVariable('respnr', 'numeric', { label: 'Respondentnummer', measure: 'nominal', role: 'id', format: { type: 'F', width: 6, decimals: 0 } }),
    nominal('golf', 'Peilingsjaar (golf)', { '2024': 'Golf 2024', '2025': 'Golf 2025' }),
    nominal('gemeente', 'Gemeente', gemeenteLabels),
    nominal('wijk', 'Wijk of dorp', wijkLabels),
    newVariable('leeftijd', 'numeric', { label: 'Leeftijd in jaren', measure: 'scale', format: { type: 'F', width: 3, decimals: 0 } }),
    nominal('geslacht', 'Geslacht', { '1': 'Man', '2': 'Vrouw', '3': 'Anders / zeg ik liever niet' }),
    newVariable('opleiding', 'numeric', {
      label: 'Hoogst voltooide opleiding',
      measure: 'ordinal',
      valueLabels: { '1': 'Laag (basisonderwijs, vmbo)', '2': 'Middelbaar (havo, vwo, mbo)', '3': 'Hoog (hbo, wo)', '9': 'Onbekend' },
      missing: FIVE_POINT_MISSING,
      format: { type: 'F', width: 1, decimals: 0 },
    }),
    newVariable('inkomen', 'numeric', {
      label: 'Netto huishoudinkomen per jaar',
      measure: 'ordinal',
      valueLabels: {
        '1': 'Minder dan € 20.000',
        '2': '€ 20.000 tot € 35.000',
        '3': '€ 35.000 tot € 50.000',
        '4': '€ 50.000 tot € 75.000',
        '5': '€ 75.000 of meer',
        '9': 'Wil ik niet zeggen',
      },
      missing: FIVE_POINT_MISSING,
      format: { type: 'F', width: 1, decimals: 0 },
    }),
    newVariable('gewicht', 'numeric', {
      label: 'Weegfactor (gemeente × leeftijd × geslacht)',
      measure: 'scale',
      role: 'weight',
      format: { type: 'F', width: 8, decimals: 4 },
    }),
    newVariable('leefbaarheid', 'numeric', {
      label: 'Rapportcijfer leefbaarheid van de buurt',
      measure: 'ordinal',
      valueLabels: leefLabels,
      missing: { values: [99], range: null },
      format: { type: 'F', width: 2, decimals: 0 },
    }),
    ordinal5('vertrouwen', 'Vertrouwen in het gemeentebestuur', [
      'Zeer weinig vertrouwen',
      'Weinig vertrouwen',
      'Neutraal',
      'Veel vertrouwen',
      'Zeer veel vertrouwen',
    ]),
    ordinal5('gezondheid', 'Ervaren gezondheid', ['Zeer slecht', 'Slecht', 'Gaat wel', 'Goed', 'Zeer goed']),
    ordinal5('eenzaamheid', 'Hoe vaak voelt u zich eenzaam?', ['Nooit', 'Zelden', 'Soms', 'Vaak', 'Zeer vaak']),
    ordinal5('zorgen_schade', 'Zorgen over schade door aardbevingen', [
      'Helemaal geen zorgen',
      'Weinig zorgen',
      'Enige zorgen',
      'Veel zorgen',
      'Zeer veel zorgen',
    ]),
    ordinal5('financien', 'Financiële situatie van het huishouden', [
      'Schulden maken',
      'Spaargeld aanspreken',
      'Precies rondkomen',
      'Een beetje overhouden',
      'Veel overhouden',
    ]),
    dich('isolatie_dak', 'Isolatiemaatregel: dakisolatie'),
    dich('isolatie_gevel', 'Isolatiemaatregel: spouwmuur- of gevelisolatie'),
    dich('isolatie_vloer', 'Isolatiemaatregel: vloerisolatie'),
    dich('isolatie_glas', 'Isolatiemaatregel: HR++ of triple glas'),
    dich('isolatie_geen', 'Isolatiemaatregel: geen van deze'),
    newVariable('opmerking', 'string', { label: 'Wilt u nog iets opmerken over uw buurt?', width: 200, format: { type: 'A', width: 200, decimals: 0 } }),
    // Delivered with the panel file, as most panels do; researchers make their own groupings with a recode.
    nominal(
      'leeftijdsklasse',
      'Leeftijdsklasse',
      { '1': '18 t/m 34 jaar', '2': '35 t/m 49 jaar', '3': '50 t/m 64 jaar', '4': '65 jaar of ouder' },
      {
        measure: 'ordinal',
        format: { type: 'F', width: 1, decimals: 0 },
      },
    ),
    // Added after every other variable (and drawn from a stream of their own) so that nothing before changes.
    priority('prioriteit_1', 'eerste'),
    priority('prioriteit_2', 'tweede'),
    priority('prioriteit_3', 'derde'),
  ];
}

const REMARKS = [
  'Meer groen in de wijk graag.',
  'De bus rijdt te weinig, vooral in het weekend.',
  'Scheuren in de muur sinds de laatste beving.',
  'Prettige buurt, aardige buren.',
  'Er wordt te hard gereden in onze straat.',
  'Het afhandelen van de schademelding duurt veel te lang.',
  'Jongeren hebben hier weinig te doen.',
  'Fijn dat de dorpshuizen open blijven.',
  'Parkeren is een probleem geworden.',
  'Zorgen over de energierekening deze winter.',
  'Ik woon hier met plezier, ook na al die jaren.',
  'Café en supermarkt zijn dicht, dat is jammer.',
];

interface Member {
  respnr: number;
  gemeente: number;
  wijk: number;
  birthYear: number;
  band: number;
  sex: number;
  education: number;
  income: number;
  areaEffect: number;
  trait: number;
  health: number;
  insulation: boolean[];
}

/** Young people in the smallest, most rural municipalities hardly join the panel. */
const YOUNG_FACTOR: Record<number, number> = { 6: 0.2, 10: 0.5 };

function pickBand(rng: Rng, gemeente: number): number {
  const w = AGE_BANDS.map((b, i) => b.popShare * b.responseRate * (i === 0 ? (YOUNG_FACTOR[gemeente] ?? 1) : 1));
  return rng.weighted(w);
}

function makeMembers(rng: Rng): Member[] {
  const members: Member[] = [];
  const areaEffects = new Map<number, number>();
  let next = 100001;
  for (const m of MUNICIPALITIES) {
    for (let i = 0; i < m.areas.length; i++) areaEffects.set(m.code * 100 + i + 1, rng.normal() * 0.35);
    for (let k = 0; k < PANEL_SIZE[m.code]; k++) {
      const band = pickBand(rng, m.code);
      const b = AGE_BANDS[band];
      const age2024 = b.lo + Math.floor(rng.next() * (b.hi - b.lo + 1));
      const wijk = m.code * 100 + 1 + Math.floor(rng.next() * m.areas.length);
      const education = 1 + rng.weighted(m.code === 2 ? [0.2, 0.35, 0.45] : [0.32, 0.45, 0.23]);
      const income = Math.min(5, Math.max(1, Math.round(1.2 + education * 0.8 + rng.normal() * 1.0 + (band === 0 ? -0.6 : 0))));
      members.push({
        respnr: next++,
        gemeente: m.code,
        wijk,
        birthYear: 2024 - age2024,
        band,
        sex: rng.next() < 0.012 ? 3 : rng.next() < 0.48 ? 1 : 2,
        education: rng.next() < 0.02 ? 9 : education,
        income: rng.next() < 0.07 ? 9 : income,
        areaEffect: (areaEffects.get(wijk) ?? 0) + (m.quakeZone ? -0.45 : 0),
        trait: rng.normal(),
        health: rng.normal() - (age2024 - 50) / 30,
        insulation: [0.55, 0.45, 0.3, 0.7].map((p) => rng.next() < p + (education - 2) * 0.05),
      });
    }
  }
  return members;
}

/** Maps a latent score onto 1..5 with thresholds; `dontKnow` is the chance of answering "weet niet". */
function likert(rng: Rng, latent: number, dontKnow: number): number {
  if (rng.next() < dontKnow) return 9;
  const z = latent + rng.normal() * 0.8;
  return z < -1.6 ? 1 : z < -0.6 ? 2 : z < 0.35 ? 3 : z < 1.3 ? 4 : 5;
}

interface Row {
  m: Member;
  golf: number;
  age: number;
  values: Record<string, number>;
  remark: string;
  /** First, second and third choice of topic (codes of PRIORITIES; NaN = not given). */
  priorities?: number[];
}

/**
 * Up to three topics per answer, most likely those that touch the member (earthquake damage in the
 * gas-extraction area, housing and youth for the young, care for the old, poverty on low incomes);
 * 3 % answer "weet niet", a quarter give one topic only.
 */
function priorities(rng: Rng, r: Row): number[] {
  if (rng.next() < 0.03) return [99, NaN, NaN];
  const quake = MUNICIPALITIES[r.m.gemeente - 1].quakeZone;
  const young = r.age < 35;
  const weights = [
    quake ? 3 : 0.3,
    1.6 + (young ? 1.2 : 0),
    1 + (r.age >= 65 ? 1.4 : 0),
    0.8 + (r.m.gemeente !== 2 ? 0.6 : 0),
    1,
    0.9,
    0.5 + (r.m.income <= 2 ? 1 : 0),
    0.4 + (young ? 0.8 : 0),
    0.7 + (r.m.education === 3 ? 0.5 : 0),
  ];
  const out: number[] = [];
  for (const more of [1, 0.75, 0.6]) {
    if (rng.next() >= more) break;
    const k = rng.weighted(weights);
    out.push(k + 1);
    weights[k] = 0;
  }
  while (out.length < 3) out.push(NaN);
  return out;
}

function answer(rng: Rng, m: Member, golf: number): Row {
  const age = golf - m.birthYear;
  const quake = MUNICIPALITIES[m.gemeente - 1].quakeZone;
  const inc = m.income === 9 ? 3 : m.income;
  const waveShift = golf === 2025 ? 0.08 : 0;
  const lonelyAge = age < 30 ? 0.4 : age > 75 ? 0.5 : 0;
  const leef = rng.next() < 0.015 ? 99 : Math.min(10, Math.max(1, Math.round(7.3 + m.areaEffect + 0.15 * (inc - 3) + 0.3 * m.trait + rng.normal() * 0.9)));
  const insulationNone = !m.insulation.some((x) => x);
  return {
    m,
    golf,
    age,
    values: {
      leefbaarheid: leef,
      vertrouwen: likert(rng, -0.2 + m.areaEffect * 1.2 + 0.3 * m.trait + waveShift, 0.06),
      gezondheid: likert(rng, 0.6 + 0.5 * m.health + 0.1 * (inc - 3), 0.01),
      eenzaamheid: likert(rng, -0.9 + lonelyAge - 0.3 * m.trait - 0.1 * (inc - 3), 0.03),
      zorgen_schade: likert(rng, quake ? 1.1 : -1.0, 0.04),
      financien: likert(rng, -0.1 + 0.45 * (inc - 3), 0.03),
      isolatie_dak: m.insulation[0] ? 1 : 0,
      isolatie_gevel: m.insulation[1] ? 1 : 0,
      isolatie_vloer: m.insulation[2] ? 1 : 0,
      isolatie_glas: m.insulation[3] ? 1 : 0,
      isolatie_geen: insulationNone ? 1 : 0,
    },
    remark: rng.next() < 0.12 ? REMARKS[Math.floor(rng.next() * REMARKS.length)] : '',
  };
}

/** Post-stratification: each wave's gemeente × age band × sex cells are weighted to population shares, mean 1. */
function weights(rows: Row[]): Float64Array {
  const totalAdults = MUNICIPALITIES.reduce((s, m) => s + m.adults, 0);
  const cellKey = (r: Row) => `${r.golf}|${r.m.gemeente}|${r.m.band}|${r.m.sex === 1 ? 1 : 2}`;
  const counts = new Map<string, number>();
  const perWave = new Map<number, number>();
  for (const r of rows) {
    counts.set(cellKey(r), (counts.get(cellKey(r)) ?? 0) + 1);
    perWave.set(r.golf, (perWave.get(r.golf) ?? 0) + 1);
  }
  const w = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    const m = MUNICIPALITIES[r.m.gemeente - 1];
    const popShare = (m.adults / totalAdults) * AGE_BANDS[r.m.band].popShare * (r.m.sex === 1 ? 0.49 : 0.51);
    const sampleShare = (counts.get(cellKey(r)) ?? 1) / (perWave.get(r.golf) ?? 1);
    w[i] = Math.round((popShare / sampleShare) * 1e4) / 1e4;
  });
  return w;
}

export function generateDemo(seed = 20251125): Dataset {
  const rng = makeRng(seed);
  const members = makeMembers(rng);
  const rows: Row[] = [];
  WAVES.forEach((golf, wi) => {
    for (const m of members) if (rng.next() < WAVE_RESPONSE[wi]) rows.push(answer(rng, m, golf));
  });
  const vars = variables();
  const w = weights(rows);
  const topics = makeRng(seed ^ 0x7072696f);
  for (const r of rows) r.priorities = priorities(topics, r);
  const n = rows.length;
  const columns: Column[] = vars.map((v) => {
    if (v.type === 'string') {
      const dict: string[] = [];
      const index = new Map<string, number>();
      const codes = new Int32Array(n);
      rows.forEach((r, i) => {
        let c = index.get(r.remark);
        if (c === undefined) {
          c = dict.length;
          dict.push(r.remark);
          index.set(r.remark, c);
        }
        codes[i] = c;
      });
      return { kind: 'string', codes, dict };
    }
    const values = new Float64Array(n);
    rows.forEach((r, i) => {
      values[i] = valueOf(v.name, r, w[i], rng);
    });
    return { kind: 'numeric', data: compactNumeric(values) };
  });
  return {
    name: 'demo',
    rows: n,
    variables: vars,
    columns,
    weight: 'gewicht',
    fileLabel: 'Burgerpanel provincie Groningen, golven 2024 en 2025 (synthetische demodata)',
    documents: [
      'Synthetische demodata van Duiding: geen echte personen.',
      'Gewogen naar gemeente x leeftijdsklasse x geslacht per golf (gewicht, gemiddelde 1).',
    ],
    mrSets: [
      {
        name: '$isolatie',
        label: 'Genomen isolatiemaatregelen',
        type: 'dichotomies',
        countedValue: 1,
        variables: ['isolatie_dak', 'isolatie_gevel', 'isolatie_vloer', 'isolatie_glas', 'isolatie_geen'],
      },
      {
        name: '$prioriteit',
        label: 'Belangrijkste onderwerpen voor de gemeente (ten hoogste drie)',
        type: 'categories',
        variables: ['prioriteit_1', 'prioriteit_2', 'prioriteit_3'],
      },
    ],
  };
}

function valueOf(name: string, r: Row, weight: number, rng: Rng): number {
  switch (name) {
    case 'respnr':
      return r.m.respnr;
    case 'golf':
      return r.golf;
    case 'gemeente':
      return r.m.gemeente;
    case 'wijk':
      return r.m.wijk;
    case 'leeftijd':
      return r.age;
    case 'geslacht':
      return r.m.sex;
    case 'opleiding':
      return r.m.education;
    case 'inkomen':
      // A few members skipped the question entirely: system-missing, distinct from "wil ik niet zeggen".
      return r.m.respnr % 97 === 0 ? NaN : r.m.income;
    case 'gewicht':
      return weight;
    case 'leeftijdsklasse':
      return r.age < 35 ? 1 : r.age < 50 ? 2 : r.age < 65 ? 3 : 4;
    case 'prioriteit_1':
    case 'prioriteit_2':
    case 'prioriteit_3':
      return r.priorities?.[Number(name.slice(-1)) - 1] ?? NaN;
    default: {
      const v = r.values[name];
      if (v === undefined) throw new Error(`demo generator has no value for ${name}`);
      void rng;
      return v;
    }
  }
}
