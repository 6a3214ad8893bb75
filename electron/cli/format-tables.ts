/** Human-readable text for freq and crosstab results; suppressed cells print as the rule set's symbol. */
import type { DisclosedFreqResult } from '../../shared/disclosure/index';
import type { CrosstabMulti, CrosstabTable, DisclosureSummary } from '../../shared/model/results';
import { reasonTexts, renderMessage } from '../../shared/i18n/messages';
import { textTable } from './text-table';

const fmt = (v: number | null | undefined, decimals: number, symbol = 'x') => (v === null || v === undefined ? symbol : v.toFixed(decimals));

/** The CLI's text output is English throughout, so the reasons are too (the model checks' included). */
export function rulesLine(r: DisclosureSummary | undefined): string {
  if (!r) return '';
  const reasons = reasonTexts(r, 'en');
  const what = r.status === 'safe' ? 'safe' : r.status === 'blocked' ? 'BLOCKED' : `${r.primary} primary + ${r.secondary} secondary cells suppressed (x)`;
  return `Output rules ${r.ruleSet}: ${what}${reasons.length ? ` — ${reasons.join('; ')}` : ''}`;
}

export function freqText(f: DisclosedFreqResult): string {
  const rows = f.categories.map((c) => [
    String(c.code),
    c.label + (c.missing ? ' (missing)' : ''),
    fmt(c.count, 0),
    fmt(c.weighted, 2),
    fmt(c.percent, 1),
    c.missing ? '' : fmt(c.validPercent, 1),
    c.missing ? '' : fmt(c.cumPercent, 1),
  ]);
  rows.push(['', 'Total', '', fmt(f.total, 2), '100.0', '', '']);
  const head = `${f.variable}${f.label ? ` — ${f.label}` : ''}${f.weight ? ` (weighted by ${f.weight})` : ' (unweighted)'}`;
  return [
    head,
    textTable(['Code', 'Label', 'N', 'Weighted', 'Percent', 'Valid %', 'Cum. %'], rows, [false, false, true, true, true, true, true]),
    rulesLine(f.rules),
  ].join('\n');
}

export function oneCrosstab(t: CrosstabTable): string {
  const header = [`${t.rowVariable ?? ''} \\ ${t.colVariable ?? ''}`, ...t.cols.map((c) => c.label), 'Total'];
  const rows = t.rows.map((r, i) => [r.label, ...t.cols.map((_, j) => `${fmt(t.weighted[i][j], 1)} (${fmt(t.colPct[i][j], 1)}%)`), fmt(t.rowTotals[i], 1)]);
  const mr = t.mr;
  if (mr) {
    const pct = (part: number | null, whole: number | null) => (part === null || whole === null || !(whole > 0) ? null : (100 * part) / whole);
    const anyTotal = mr.anyWeighted.some((v) => v === null) ? null : mr.anyWeighted.reduce<number>((a, v) => a + (v ?? 0), 0);
    rows.push(['Any (net)', ...mr.anyWeighted.map((v, j) => `${fmt(v, 1)} (${fmt(pct(v, mr.baseWeighted[j]), 1)}%)`), fmt(anyTotal, 1)]);
    rows.push(['Responses', ...mr.responses.map((v) => fmt(v, 1)), '']);
  }
  rows.push([mr || t.mrCols ? 'Base (cases)' : 'Total', ...t.colTotals.map((v) => fmt(v, 1)), fmt(t.total, 1)]);
  const lines = [
    textTable(
      header,
      rows,
      header.map((_, i) => i > 0),
    ),
  ];
  const c = t.chi2;
  if (c?.pearson) lines.push(`Pearson chi2 = ${c.pearson.value.toFixed(3)}, df = ${c.pearson.df}, p = ${c.pearson.p.toPrecision(4)}`);
  if (c?.lr) lines.push(`Likelihood ratio = ${c.lr.value.toFixed(3)}, df = ${c.lr.df}, p = ${c.lr.p.toPrecision(4)}`);
  if (c?.raoScott)
    lines.push(
      `Rao-Scott F = ${c.raoScott.F.toFixed(4)}, ndf = ${c.raoScott.ndf.toFixed(3)}, ddf = ${c.raoScott.ddf.toFixed(3)}, p = ${c.raoScott.p.toPrecision(4)}`,
    );
  // The CLI's text is English throughout; the JSON keeps `note`, the Dutch text it always had.
  if (c?.notes?.length) lines.push(c.notes.map((m) => renderMessage(m, 'en')).join('; '));
  if (mr)
    lines.push(
      `${mr.set}: % of cases in the column's base (a case can give several answers, so columns add up to more than 100); no chi-square for a multiple-response set`,
    );
  if (t.mrCols)
    lines.push(
      `${t.mrCols.set}: one column per item; the columns overlap (a case is in every item it holds), each column's base is its item's cases; no letters or chi-square for a multiple-response set`,
    );
  lines.push(rulesLine(t.rules));
  return lines.join('\n');
}

export function crosstabText(r: CrosstabTable | CrosstabMulti): string {
  return 'tables' in r ? r.tables.map(oneCrosstab).join('\n\n') : oneCrosstab(r);
}
