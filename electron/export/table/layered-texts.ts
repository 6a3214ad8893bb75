/**
 * Fixed texts of an exported layered crosstab. They repeat the table builder's wording
 * (renderer/i18n/strings*.ts, keys tb.*) word for word, so the file says what the screen said; the
 * backend cannot import the renderer's catalogue.
 */
export interface LayeredTexts {
  colPct: string;
  counts: string;
  weighted: string;
  totalCol: string;
  baseRow: string;
  legendX: string;
  legendDash: string;
  chi2Withheld: string;
  layerTotal: string;
  totalWithheld: string;
  ruleSet: (name: string) => string;
  status: (status: 'safe' | 'suppressed' | 'blocked', n: number) => string;
  released: (n: number) => string;
  chi2: { raoScott: string; pearson: string; lr: string };
}

export const LAYERED_TEXTS: Record<'nl' | 'en', LayeredTexts> = {
  nl: {
    colPct: 'Kolompercentages',
    counts: 'Aantallen (ongewogen)',
    weighted: 'Gewogen aantallen',
    totalCol: 'Totaal',
    baseRow: 'Ongewogen basis (n)',
    legendX: 'x = onderdrukt (te weinig waarnemingen achter de cel)',
    legendDash: '- = nihil',
    chi2Withheld: 'chi-kwadraat niet getoond door de uitvoerregels',
    layerTotal: 'Totaal over de lagen',
    totalWithheld:
      'De totaaltabel over de lagen wordt niet getoond: de outputregels kunnen lagen en totaal niet samen beschermen. De lagen zijn elk afzonderlijk beschermd.',
    ruleSet: (name) => `Regels: ${name}`,
    status: (s, n) => (s === 'safe' ? 'veilig' : s === 'blocked' ? 'geblokkeerd' : `${n} cellen onderdrukt`),
    released: (n) => `${n} vrijgegeven`,
    chi2: { raoScott: 'Rao–Scott F = {F} ({ndf}; {ddf}), p = {p}', pearson: 'Pearson χ² = {v}, df = {df}', lr: 'LR χ² = {v}, df = {df}' },
  },
  en: {
    colPct: 'Column percentages',
    counts: 'Counts (unweighted)',
    weighted: 'Weighted counts',
    totalCol: 'Total',
    baseRow: 'Unweighted base (n)',
    legendX: 'x = suppressed (too few observations behind the cell)',
    legendDash: '- = nil',
    chi2Withheld: 'chi-square withheld by the output rules',
    layerTotal: 'Total over layers',
    totalWithheld:
      'The total table over the layers is not shown: the output rules cannot protect layers and total together. Each layer is protected on its own.',
    ruleSet: (name) => `Rules: ${name}`,
    status: (s, n) => (s === 'safe' ? 'safe' : s === 'blocked' ? 'blocked' : `${n} cells suppressed`),
    released: (n) => `${n} released`,
    chi2: { raoScott: 'Rao–Scott F = {F} ({ndf}; {ddf}), p = {p}', pearson: 'Pearson χ² = {v}, df = {df}', lr: 'LR χ² = {v}, df = {df}' },
  },
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
