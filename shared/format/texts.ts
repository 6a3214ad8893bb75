/** Fixed texts of exported tables, in the two languages a book can be written in. */
import type { NumberLocale } from './number';

export interface ExportTexts {
  total: string;
  base: string;
  weightedBase: string;
  count: string;
  percent: string;
  contents: string;
  table: string;
  source: string;
  date: string;
  ruleSet: string;
  weighting: string;
  legend: string;
  blocked: string;
  checker: string;
  comparison: string;
  back: string;
  weightedNote: (weight: string, type: string) => string;
  unweightedNote: string;
  baseNote: string;
  lettersNote: (adjust: string, alpha: string) => string;
  boldNote: (adjust: string, alpha: string) => string;
  trendNote: (up: string, down: string) => string;
  symbolUnknown: string;
  symbolSuppressed: string;
  symbolNil: string;
  suppressedNote: (n: number) => string;
  /** Statistic names, beside a category when a table shows several per category. */
  stat: { pct: string; rowPct: string; totalPct: string; count: string; weighted: string };
  mean: string;
  effectiveBase: string;
  meanLettersNote: string;
  overrideNote: (mark: string, reason: string, date: string) => string;
  reasonsNote: (reasons: string) => string;
  blockedNote: string;
  chi2: { raoScott: string; pearson: string; lr: string; withheld: string };
  layerTotal: string;
  /** The total of a set layer: the set's base, not the sum of its overlapping items. */
  setLayerTotal: string;
  totalWithheld: string;
  /** On every table, sheet and chart made under rules below the project's (or none). */
  uncheckedMark: string;
  setColumnsNote: (label: string) => string;
  /** Multiple-response sets. */
  mr: { any: string; responses: string; responsePct: string; note: string };
}

const ADJUST_NL: Record<string, string> = { none: 'zonder correctie', bonferroni: 'Bonferroni-correctie', bh: 'Benjamini-Hochberg-correctie' };
const ADJUST_EN: Record<string, string> = { none: 'no adjustment', bonferroni: 'Bonferroni adjustment', bh: 'Benjamini-Hochberg adjustment' };

export const TEXTS: Record<NumberLocale, ExportTexts> = {
  nl: {
    total: 'Totaal',
    base: 'Basis (ongewogen n)',
    weightedBase: 'Basis (gewogen)',
    count: 'Aantal (ongewogen)',
    percent: '%',
    contents: 'Inhoud',
    table: 'Tabel',
    source: 'Bron',
    date: 'Datum',
    ruleSet: 'Outputregels',
    weighting: 'Weging',
    legend: 'Verklaring van tekens',
    blocked: 'niet gepubliceerd',
    checker: 'Controle',
    comparison: 'Vergelijking',
    back: 'Terug naar inhoud',
    weightedNote: (w, t) => `Percentages zijn gewogen (weegfactor ${w}, ${t === 'sampling' ? 'steekproefgewicht' : 'frequentiegewicht'}).`,
    unweightedNote: 'Percentages zijn ongewogen.',
    baseNote: 'De basis is het ongewogen aantal respondenten met een geldig antwoord.',
    lettersNote: (a, p) =>
      `Een letter bij een percentage: significant hoger dan de kolom met die letter binnen dezelfde groep (z-toets op kolomproporties, ${ADJUST_NL[a] ?? a}, α = ${p}).`,
    boldNote: (a, p) => `Vet: significant hoger dan een andere kolom binnen dezelfde groep (z-toets op kolomproporties, ${ADJUST_NL[a] ?? a}, α = ${p}).`,
    trendNote: (u, d) => `${u} / ${d}: significant hoger / lager dan de vorige meting.`,
    symbolUnknown: 'gegevens ontbreken of zijn niet van toepassing',
    symbolSuppressed: 'geheim (te weinig waarnemingen om te publiceren)',
    symbolNil: 'nihil',
    suppressedNote: (n) => `${n} ${n === 1 ? 'cel is' : 'cellen zijn'} onderdrukt volgens de outputregels.`,
    stat: { pct: 'Kolom-%', rowPct: 'Rij-%', totalPct: 'Totaal-%', count: 'Aantal (ongewogen)', weighted: 'Gewogen aantal' },
    mean: 'Gemiddelde',
    effectiveBase: 'Effectieve basis',
    meanLettersNote: 'Een letter bij een gemiddelde: significant hoger dan het gemiddelde van de kolom met die letter (t-toets).',
    overrideNote: (m, r, d) => `${m} = vrijgegeven ondanks de outputregels: ${r} (${d})`,
    reasonsNote: (r) => `Outputregels: ${r}`,
    blockedNote: 'Deze tabel wordt niet gepubliceerd.',
    chi2: {
      raoScott: 'Rao–Scott F = {F} ({ndf}; {ddf}), p = {p}',
      pearson: 'Pearson χ² = {v}, df = {df}',
      lr: 'LR χ² = {v}, df = {df}',
      withheld: 'chi-kwadraat niet getoond door de outputregels',
    },
    layerTotal: 'Totaal over de lagen',
    setLayerTotal: 'Totaal (basis van de set)',
    uncheckedMark: 'Niet gecontroleerd op outputregels',
    setColumnsNote: (label) =>
      `${label}: meer antwoorden mogelijk; een respondent telt mee in elke kolom die hij noemt, dus de kolommen overlappen. Geen letters binnen deze kolommen (de z-toets vraagt onafhankelijke groepen).`,
    mr: {
      any: 'Minstens één genoemd',
      responses: 'Aantal antwoorden (gewogen)',
      responsePct: '% van de antwoorden',
      note: 'Meer antwoorden mogelijk: percentages van de respondenten in de kolom, die samen meer dan 100 kunnen zijn.',
    },
    totalWithheld:
      'De totaaltabel over de lagen wordt niet getoond: de outputregels kunnen lagen en totaal niet samen beschermen. De lagen zijn elk afzonderlijk beschermd.',
  },
  en: {
    total: 'Total',
    base: 'Base (unweighted n)',
    weightedBase: 'Base (weighted)',
    count: 'Count (unweighted)',
    percent: '%',
    contents: 'Contents',
    table: 'Table',
    source: 'Source',
    date: 'Date',
    ruleSet: 'Output rules',
    weighting: 'Weighting',
    legend: 'Symbols',
    blocked: 'not published',
    checker: 'Checker',
    comparison: 'Comparison',
    back: 'Back to contents',
    weightedNote: (w, t) => `Percentages are weighted (weight ${w}, ${t === 'sampling' ? 'sampling weight' : 'frequency weight'}).`,
    unweightedNote: 'Percentages are unweighted.',
    baseNote: 'The base is the unweighted number of respondents with a valid answer.',
    lettersNote: (a, p) =>
      `A letter next to a percentage: significantly higher than the column with that letter in the same group (z-test of column proportions, ${ADJUST_EN[a] ?? a}, α = ${p}).`,
    boldNote: (a, p) => `Bold: significantly higher than another column in the same group (z-test of column proportions, ${ADJUST_EN[a] ?? a}, α = ${p}).`,
    trendNote: (u, d) => `${u} / ${d}: significantly higher / lower than the previous wave.`,
    symbolUnknown: 'data not available or not applicable',
    symbolSuppressed: 'confidential (too few observations to publish)',
    symbolNil: 'nil',
    suppressedNote: (n) => `${n} ${n === 1 ? 'cell is' : 'cells are'} suppressed under the output rules.`,
    stat: { pct: 'Column %', rowPct: 'Row %', totalPct: 'Total %', count: 'Count (unweighted)', weighted: 'Weighted count' },
    mean: 'Mean',
    effectiveBase: 'Effective base',
    meanLettersNote: 'A letter next to a mean: significantly higher than the mean of the column with that letter (t-test).',
    overrideNote: (m, r, d) => `${m} = released despite the output rules: ${r} (${d})`,
    reasonsNote: (r) => `Output rules: ${r}`,
    blockedNote: 'This table is not published.',
    chi2: {
      raoScott: 'Rao–Scott F = {F} ({ndf}; {ddf}), p = {p}',
      pearson: 'Pearson χ² = {v}, df = {df}',
      lr: 'LR χ² = {v}, df = {df}',
      withheld: 'chi-square withheld by the output rules',
    },
    layerTotal: 'Total over the layers',
    setLayerTotal: 'Total (the set’s base)',
    uncheckedMark: 'Not checked against output rules',
    setColumnsNote: (label) =>
      `${label}: multiple answers possible; a respondent counts in every column they mention, so the columns overlap. No letters within these columns (the z-test needs independent groups).`,
    mr: {
      any: 'At least one mentioned',
      responses: 'Responses (weighted)',
      responsePct: '% of responses',
      note: 'Multiple answers possible: percentages of the respondents in the column, which can add up to more than 100.',
    },
    totalWithheld:
      'The total table over the layers is not shown: the output rules cannot protect layers and total together. Each layer is protected on its own.',
  },
};

/**
 * Text without the control characters XML 1.0 forbids (old SPSS labels sometimes carry them); an
 * xlsx or HTML file with one is unreadable, so every label is passed through this on its way out.
 */
export function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** `{name}` placeholders filled from `values` (unknown names stay as written). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
