/**
 * A layered crosstab as CSV, HTML or clipboard text: the result of runLayeredCrosstab (output rules
 * already applied to layers and total together), laid out as the table builder shows it — one table
 * per layer, then the total over the layers or the note that it is withheld; per table the chosen
 * statistics, a Totaal column, the unweighted base, the rules' badge, "x" for a withheld value, the
 * legend, the chi-square line and the rules' reasons. Nothing is recomputed: a value the rules
 * removed is null here and can only come out as "x".
 */
import type { LayeredCrosstab } from '../../../shared/engine/layer-result';
import type { Chi2Block, CrosstabTable } from '../../../shared/model/results';
import { NUMBER_STYLES, formatNumber, type NumberStyle } from '../../../shared/format/number';
import { gridToCsv } from '../../../shared/format/csv';
import { escapeHtml } from '../../../shared/format/html';
import { reasonTexts, renderMessage } from '../../../shared/i18n/messages';
import { LAYERED_TEXTS, fill, type LayeredTexts } from './layered-texts';

export interface LayeredStats {
  colPct: boolean;
  counts: boolean;
  weighted: boolean;
  base: boolean;
}

export interface LayeredExportOptions {
  language: 'nl' | 'en';
  stats: LayeredStats;
  /** "Row label × column label", the start of every caption. */
  pair: string;
  title?: string;
}

type Stat = 'pct' | 'count' | 'weighted';

interface GridRow {
  label: string;
  stat: string;
  cells: string[];
  /** Class for HTML: category row, end of a category, base row. */
  kind: 'cat' | 'cat-end' | 'base';
}

export interface LayeredBlock {
  caption: string;
  /** The badge beside the caption: rule set and verdict. */
  badge: string;
  statColumn: boolean;
  header: string[];
  rows: GridRow[];
  notes: string[];
  status: 'safe' | 'suppressed' | 'blocked';
  suppressedCells: number;
}

function shownStats(table: CrosstabTable, stats: LayeredStats, t: LayeredTexts): { stat: Stat; label: string }[] {
  const shown: { stat: Stat; label: string }[] = [];
  if (stats.colPct) shown.push({ stat: 'pct', label: t.colPct });
  if (stats.counts) shown.push({ stat: 'count', label: t.counts });
  if (stats.weighted && table.weight) shown.push({ stat: 'weighted', label: t.weighted });
  if (shown.length === 0) shown.push({ stat: 'pct', label: t.colPct });
  return shown;
}

function formatP(p: number, style: NumberStyle): string {
  if (!Number.isFinite(p)) return '';
  return p < 0.001 ? `< ${formatNumber(0.001, 3, style)}` : formatNumber(p, 3, style);
}

function chi2Line(chi2: Chi2Block, t: LayeredTexts, style: NumberStyle): string {
  const n = (v: number, d: number) => formatNumber(v, d, style);
  const parts: string[] = [];
  const rs = chi2.raoScott;
  if (rs) parts.push(fill(t.chi2.raoScott, { F: n(rs.F, 2), ndf: n(rs.ndf, 1), ddf: n(rs.ddf, 0), p: formatP(rs.p, style) }));
  const withP = (text: string, p: number) => (Number.isFinite(p) ? `${text}, p = ${formatP(p, style)}` : text);
  parts.push(withP(fill(t.chi2.pearson, { v: n(chi2.pearson.value, 2), df: n(chi2.pearson.df, 0) }), chi2.pearson.p));
  parts.push(withP(fill(t.chi2.lr, { v: n(chi2.lr.value, 2), df: n(chi2.lr.df, 0) }), chi2.lr.p));
  return parts.join(' · ');
}

function tableBlock(table: CrosstabTable, caption: string, opts: LayeredExportOptions, style: NumberStyle): LayeredBlock {
  const t = LAYERED_TEXTS[opts.language];
  const shown = shownStats(table, opts.stats, t);
  // As on screen: a null value is withheld ("x"), zero is nil ("-").
  const text = (v: number | null | undefined, decimals: number) => (v === null || v === undefined ? 'x' : v === 0 ? '-' : formatNumber(v, decimals, style));
  const grid = (s: Stat) => (s === 'pct' ? table.colPct : s === 'count' ? table.count : table.weighted);
  const rowTotal = (i: number, s: Stat): number | null => {
    if (s === 'count') return table.rowCounts?.[i] ?? null;
    const w = table.rowTotals[i];
    if (s === 'weighted') return w;
    return w === null || table.total === null || !table.total ? null : (100 * w) / table.total;
  };
  const rows: GridRow[] = [];
  table.rows.forEach((r, i) =>
    shown.forEach((s, si) => {
      const d = s.stat === 'count' ? 0 : 1;
      const cells = [...table.cols.map((_, j) => text(grid(s.stat)[i][j], d)), text(rowTotal(i, s.stat), d)];
      rows.push({ label: si === 0 ? r.label : '', stat: shown.length > 1 ? s.label : '', cells, kind: si === shown.length - 1 ? 'cat-end' : 'cat' });
    }),
  );
  if (opts.stats.base)
    rows.push({
      label: t.baseRow,
      stat: '',
      cells: [...table.cols.map((_, j) => text(table.colCounts?.[j] ?? null, 0)), text(table.n ?? null, 0)],
      kind: 'base',
    });
  const rules = table.rules;
  const suppressedCells = rules.primary + rules.secondary;
  const released = (rules.overrides ?? []).reduce((n, o) => n + o.cells.length, 0);
  const badge = [t.ruleSet(rules.ruleSet), t.status(rules.status, suppressedCells), ...(released > 0 ? [t.released(released)] : [])].join(' · ');
  const notes = [
    ...(table.suppressed.some((r) => r.some(Boolean)) ? [t.legendX] : []),
    t.legendDash,
    table.chi2 ? chi2Line(table.chi2, t, style) : t.chi2Withheld,
    // In the export's language (the messages carry codes); the screen shows the same reasons.
    ...(rules.reasons.length > 0 ? [reasonTexts(rules, opts.language).join(' · ')] : []),
  ];
  return {
    caption,
    badge,
    statColumn: shown.length > 1,
    header: [...table.cols.map((c) => c.label), t.totalCol],
    rows,
    notes,
    status: rules.status,
    suppressedCells,
  };
}

/** Every layer, then the total over the layers (or the withheld note), as the tabs show them in order. */
export function layeredBlocks(r: LayeredCrosstab, opts: LayeredExportOptions, style: NumberStyle): LayeredBlock[] {
  const t = LAYERED_TEXTS[opts.language];
  const caption = (layer: string) => `${opts.pair} — ${layer}`;
  const blocks = r.layers.map((l) => tableBlock(l.table, caption(l.label), opts, style));
  if (r.total) blocks.push(tableBlock(r.total, caption(t.layerTotal), opts, style));
  else {
    const why = r.totalWithheldMessage ? renderMessage(r.totalWithheldMessage, opts.language) : r.totalWithheld;
    blocks.push({
      caption: caption(t.layerTotal),
      badge: '',
      statColumn: false,
      header: [],
      rows: [],
      notes: [t.totalWithheld, ...(why ? [why] : [])],
      status: 'blocked',
      suppressedCells: 0,
    });
  }
  return blocks;
}

function blockGrid(b: LayeredBlock): string[][] {
  const lead = b.statColumn ? 2 : 1;
  const out: string[][] = [[b.caption], ...(b.badge ? [[b.badge]] : [])];
  if (b.header.length) {
    out.push([...new Array<string>(lead).fill(''), ...b.header]);
    for (const row of b.rows) out.push([row.label, ...(b.statColumn ? [row.stat] : []), ...row.cells]);
  }
  for (const n of b.notes) out.push([n]);
  return out;
}

/** CSV with a BOM; 'nl': `;` and decimal comma, no thousands separator (Excel reads the numbers). */
export function layeredToCsv(r: LayeredCrosstab, opts: LayeredExportOptions): string {
  const dialect = opts.language;
  const style = { ...NUMBER_STYLES[dialect], group: '' as const };
  const delimiter = dialect === 'nl' ? ';' : ',';
  const title = opts.title ? gridToCsv([[opts.title]], delimiter) + '\r\n' : '';
  return (
    '\ufeff' +
    title +
    layeredBlocks(r, opts, style)
      .map((b) => gridToCsv(blockGrid(b), delimiter))
      .join('\r\n')
  );
}

/** Tab-separated text (the plain flavour on the clipboard). */
export function layeredToTsv(r: LayeredCrosstab, opts: LayeredExportOptions): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return layeredBlocks(r, opts, NUMBER_STYLES[opts.language])
    .map((b) =>
      blockGrid(b)
        .map((row) => row.map(clean).join('\t'))
        .join('\n'),
    )
    .join('\n\n');
}

function blockHtml(b: LayeredBlock): string {
  const notes = `<div class="notes">${b.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>`;
  if (!b.header.length) return `<section>\n<h2>${escapeHtml(b.caption)}</h2>\n${notes}\n</section>`;
  const lead = b.statColumn ? 2 : 1;
  const head = `<tr><td colspan="${lead}"></td>${b.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = b.rows
    .map((row) => {
      const stub =
        row.kind === 'base'
          ? `<th scope="row" colspan="${lead}">${escapeHtml(row.label)}</th>`
          : `<th scope="row">${escapeHtml(row.label)}</th>${b.statColumn ? `<td class="stat">${escapeHtml(row.stat)}</td>` : ''}`;
      return `<tr class="${row.kind}">${stub}${row.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const caption = `${escapeHtml(b.caption)}${b.badge ? ` <span class="badge">(${escapeHtml(b.badge)})</span>` : ''}`;
  return `<table>\n<caption>${caption}</caption>\n<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n${notes}`;
}

const CSS =
  'body{font-family:Arial,Helvetica,sans-serif;font-size:10pt}table{border-collapse:collapse;margin:1em 0 .3em}' +
  'caption{font-weight:bold;text-align:left;padding:.3em 0}.badge{font-weight:normal;color:#555}th,td{border:1px solid #bbb;padding:.2em .5em}' +
  'td{text-align:right}td.stat{text-align:left}th[scope=row]{text-align:left;font-weight:normal}tr.base{border-top:2px solid #555}' +
  'h2{font-size:10pt}.notes{font-size:85%;color:#333}';

/** A standalone HTML page, or (`fragment`) only the tables and notes, for the clipboard. */
export function layeredToHtml(r: LayeredCrosstab, opts: LayeredExportOptions, fragment = false): string {
  const body = layeredBlocks(r, opts, NUMBER_STYLES[opts.language]).map(blockHtml).join('\n');
  if (fragment) return body;
  const title = escapeHtml(opts.title ?? opts.pair);
  return `<!DOCTYPE html>\n<html lang="${opts.language}">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<h1>${title}</h1>\n${body}\n</body>\n</html>\n`;
}

export type LayeredFormat = 'csv' | 'html' | 'tsv' | 'clipboard';

export interface RenderedLayers {
  text: string;
  html?: string;
  /** One entry per layer and one for the total over the layers. */
  tables: { variable: string; status: 'safe' | 'suppressed' | 'blocked'; reason?: string; suppressedCells: number }[];
}

export function renderLayered(r: LayeredCrosstab, format: LayeredFormat, opts: LayeredExportOptions): RenderedLayers {
  const tables = layeredBlocks(r, opts, NUMBER_STYLES[opts.language]).map((b) => ({
    variable: b.caption,
    status: b.status,
    reason: b.header.length ? undefined : b.notes.join(' '),
    suppressedCells: b.suppressedCells,
  }));
  switch (format) {
    case 'csv':
      return { text: layeredToCsv(r, opts), tables };
    case 'html':
      return { text: layeredToHtml(r, opts), tables };
    case 'tsv':
      return { text: layeredToTsv(r, opts), tables };
    case 'clipboard':
      return { text: layeredToTsv(r, opts), html: layeredToHtml(r, opts, true), tables };
  }
}
