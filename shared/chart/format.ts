/**
 * Number formatting for chart labels. Written out by hand rather than with Intl so that output is
 * identical on every machine (Node builds without full ICU format 'nl' as 'en').
 */
import type { ChartLocale } from './spec';

export function formatNumber(value: number, decimals: number, locale: ChartLocale): string {
  const neg = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const group = locale === 'nl' ? '.' : ',';
  const point = locale === 'nl' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  // "-0" after rounding is not a number anyone wants to read.
  const sign = neg && /[1-9]/.test(fixed) ? '−' : '';
  return sign + grouped + (frac ? point + frac : '');
}

export function formatPct(value: number, decimals: number, locale: ChartLocale): string {
  return formatNumber(value, decimals, locale) + '%';
}

export interface ChartTexts {
  source: string;
  base: string;
  unweighted: string;
  weighted: string;
  suppressed: (symbol: string, ruleSet: string) => string;
  /** A chart made under rules below the project's (or none). */
  unchecked: string;
  ci: (level: number, method: string) => string;
  total: string;
  mean: string;
  n: string;
  /** Footnote of a multiple-response chart. */
  multipleResponse: string;
}

const nl: ChartTexts = {
  source: 'Bron',
  base: 'Basis',
  unweighted: 'ongewogen aantal respondenten',
  weighted: 'uitkomsten gewogen',
  suppressed: (s, r) => `${s} = niet gepubliceerd (onthullingsrisico, regels ${r})`,
  unchecked: 'Niet gecontroleerd op outputregels',
  ci: (level, method) => `Lijnen: ${formatNumber(level * 100, 0, 'nl')}%-betrouwbaarheidsinterval (${method})`,
  total: 'Totaal',
  mean: 'Gemiddelde',
  n: 'n',
  multipleResponse: 'Meer antwoorden mogelijk: percentages van het aantal respondenten, samen meer dan 100%',
};

const en: ChartTexts = {
  source: 'Source',
  base: 'Base',
  unweighted: 'unweighted number of respondents',
  weighted: 'results weighted',
  suppressed: (s, r) => `${s} = not published (disclosure risk, rules ${r})`,
  unchecked: 'Not checked against output rules',
  ci: (level, method) => `Lines: ${formatNumber(level * 100, 0, 'en')}% confidence interval (${method})`,
  total: 'Total',
  mean: 'Mean',
  n: 'n',
  multipleResponse: 'Several answers possible: percentages of respondents, together more than 100%',
};

export function chartTexts(locale: ChartLocale): ChartTexts {
  return locale === 'nl' ? nl : en;
}
