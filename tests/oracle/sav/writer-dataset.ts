/**
 * A dataset built in code (not read from any file) that exercises everything the .sav writer stores.
 * write-fixtures.ts writes it with our writer; PSPP and R haven then report what they read back.
 */
import type { Column, Dataset, VariableMeta } from '../../../shared/model/dataset';
import { newVariable } from '../../../shared/model/dataset';
import { NumericColumnBuilder, StringColumnBuilder } from '../../../shared/model/column-builder';

const N = 50;

function numeric(f: (i: number) => number): Column {
  const b = new NumericColumnBuilder(N);
  for (let i = 0; i < N; i++) b.push(f(i));
  return { kind: 'numeric', data: b.finish() };
}

function strings(f: (i: number) => string): Column {
  const b = new StringColumnBuilder(N);
  for (let i = 0; i < N; i++) b.push(f(i));
  return { kind: 'string', ...b.finish() };
}

function stringVar(name: string, width: number, partial: Partial<VariableMeta>): VariableMeta {
  return newVariable(name, 'string', { width, format: { type: 'A', width, decimals: 0 }, ...partial });
}

const LONG = `${'a'.repeat(253)}ëé${'b'.repeat(248)}€€ — ${'c'.repeat(180)}`;

export function writerDataset(): Dataset {
  const vars: [VariableMeta, Column][] = [
    [newVariable('respnr', 'numeric', { format: { type: 'F', width: 6, decimals: 0 }, role: 'none', label: 'Respondentnummer' }), numeric((i) => i + 1)],
    [
      newVariable('geslacht', 'numeric', {
        label: 'Geslacht',
        measure: 'nominal',
        format: { type: 'F', width: 1, decimals: 0 },
        valueLabels: { '1': 'Man', '2': 'Vrouw', '7': 'Anders', '8': 'Weigert', '9': 'Onbekend' },
        missing: { values: [7, 8, 9], range: null },
      }),
      numeric((i) => [1, 2, 1, 2, 9, 8, 7][i % 7]),
    ],
    [
      newVariable('inkomen_bruto_per_jaar_in_euro', 'numeric', {
        label: 'Bruto jaarinkomen (€)',
        format: { type: 'COMMA', width: 12, decimals: 2 },
        missing: { values: [9999999], range: [-Number.MAX_VALUE, -1] },
        displayWidth: 14,
      }),
      numeric((i) => (i % 11 === 0 ? NaN : i % 13 === 0 ? -5 : 1234.5 * i + 0.25)),
    ],
    [
      newVariable('leeftijd', 'numeric', {
        label: 'Leeftijd',
        measure: 'scale',
        format: { type: 'F', width: 3, decimals: 0 },
        missing: { values: [], range: [998, 999] },
      }),
      numeric((i) => (i % 17 === 3 ? 999 : 18 + ((i * 7) % 70))),
    ],
    [
      newVariable('tevreden', 'numeric', {
        label: 'Tevredenheid',
        measure: 'ordinal',
        format: { type: 'F', width: 1, decimals: 0 },
        valueLabels: { '1': 'Zeer ontevreden', '5': 'Zeer tevreden' },
        alignment: 'center',
      }),
      numeric((i) => 1 + (i % 5)),
    ],
    [
      stringVar('gemeente', 6, {
        label: 'Gemeente',
        valueLabels: { GM0344: 'Utrecht', GM9999: 'Onbekend' },
        missing: { values: ['GM9999'], range: null },
      }),
      strings((i) => ['GM0344', 'GM0228', 'GM9999', 'GM0363'][i % 4]),
    ],
    [
      stringVar('wijknaam', 20, {
        label: 'Wijk (naam)',
        valueLabels: { 'Binnenstad': 'Binnenstad (centrum)', 'Zuidoost-Buitenveld': 'Zuidoost' },
        missing: { values: ['onbekend', 'geen'], range: null },
      }),
      strings((i) => ['Binnenstad', 'Zuidoost-Buitenveld', 'Oosterparkwijk', 'onbekend', 'Ëlsloo-Zuid', ''][i % 6]),
    ],
    [
      stringVar('toelichting', 700, { label: 'Toelichting (lang)' }),
      strings((i) => (i % 3 === 0 ? LONG : i % 3 === 1 ? `kort ${i} é` : '')),
    ],
    [newVariable('peildatum', 'numeric', { format: { type: 'DATE', width: 11, decimals: 0 } }), numeric((i) => (i === 4 ? NaN : 13_900_000_000 + 86400 * i))],
    [newVariable('moment', 'numeric', { format: { type: 'DATETIME', width: 20, decimals: 0 } }), numeric((i) => 13_900_000_000 + 3671 * i)],
    [newVariable('gewicht', 'numeric', { label: 'Weegfactor', format: { type: 'F', width: 8, decimals: 4 } }), numeric((i) => 0.5 + (i % 4) * 0.375)],
    [newVariable('media_tv', 'numeric', { format: { type: 'F', width: 1, decimals: 0 }, valueLabels: { '0': 'Nee', '1': 'Ja' } }), numeric((i) => i % 2)],
    [newVariable('media_krant', 'numeric', { format: { type: 'F', width: 1, decimals: 0 }, valueLabels: { '0': 'Nee', '1': 'Ja' } }), numeric((i) => (i >> 1) % 2)],
    [newVariable('groot', 'numeric', { format: { type: 'F', width: 12, decimals: 0 } }), numeric((i) => (i - 25) * 123_456_789)],
  ];
  return {
    name: 'writer',
    rows: N,
    variables: vars.map(([v]) => v),
    columns: vars.map(([, c]) => c),
    weight: 'gewicht',
    fileLabel: 'Geschreven door Duiding (één test)',
    documents: ['Gemaakt door tests/oracle/sav/write-fixtures.ts', 'Tweede regel: ë en €'],
    mrSets: [
      { name: '$media', label: 'Mediagebruik', type: 'dichotomies', countedValue: 1, variables: ['media_tv', 'media_krant'] },
      { name: '$oordeel', label: 'Oordelen', type: 'categories', variables: ['geslacht', 'tevreden'] },
      // Members longer than eight bytes are written by their short names; PSPP must map them back.
      { name: '$lange_namen', label: 'Leden met lange namen — één', type: 'dichotomies', countedValue: 18, variables: ['inkomen_bruto_per_jaar_in_euro', 'leeftijd'] },
      { name: '$tekst', label: 'Tekstleden', type: 'dichotomies', countedValue: 'GM0344', variables: ['gemeente', 'wijknaam'] },
    ],
  };
}

/** The files write-fixtures.ts produces from writerDataset(), and how. */
export const WRITER_FIXTURES = [
  { file: 'ours-none.sav', options: { compression: 'none' } },
  { file: 'ours-bytecode.sav', options: { compression: 'bytecode' } },
  { file: 'ours-zlib.zsav', options: { compression: 'zlib' } },
  // Crafted variants real files come in: big-endian, NaN as system-missing, unknown case count,
  // and a .zsav split into many small zlib blocks.
  { file: 'ours-bigendian-nan.sav', options: { compression: 'bytecode', bigEndian: true, sysmisAsNaN: true, unknownCaseCount: true } },
  { file: 'ours-bigendian-none.sav', options: { compression: 'none', bigEndian: true, sysmisAsNaN: true } },
  { file: 'ours-multiblock.zsav', options: { compression: 'zlib', zlibBlockSize: 512 } },
] as const;

export const WRITER_CREATED = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));
