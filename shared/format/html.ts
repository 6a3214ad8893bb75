/**
 * Accessible HTML of tables: a real <table> with <caption>, header cells with scope, and symbols
 * explained with <abbr title> so a screen reader says "geheim" instead of "x".
 */
import { NUMBER_STYLES, type NumberLocale } from './number';
import { cellText } from './grid';
import type { ModelCell, ModelRow, TableModel, TableSymbols } from './table-model';
import { TEXTS } from './texts';

export interface HtmlOptions {
  symbols: TableSymbols;
  language: NumberLocale;
  /** Only the tables (for the clipboard or embedding); otherwise a whole document. */
  fragment?: boolean;
  title?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function symbolTitle(cell: ModelCell, language: NumberLocale): string {
  const t = TEXTS[language];
  return cell.state === 'suppressed' ? t.symbolSuppressed : cell.state === 'nil' ? t.symbolNil : t.symbolUnknown;
}

function dataCell(cell: ModelCell, row: ModelRow, opts: HtmlOptions): string {
  const text = escapeHtml(cellText(cell, row.decimals, NUMBER_STYLES[opts.language], opts.symbols));
  if (cell.state !== 'value') return `<td class="sym"><abbr title="${escapeHtml(symbolTitle(cell, opts.language))}">${text}</abbr></td>`;
  const body = cell.bold ? `<strong>${text}</strong>` : text;
  const sig = cell.sig ? ` <span class="sig">${escapeHtml(cell.sig)}</span>` : '';
  return `<td>${body}${sig}</td>`;
}

function headerHtml(model: TableModel): string {
  const rows: string[][] = Array.from({ length: model.headerRows }, () => []);
  const lead = model.statColumn ? ' colspan="2"' : '';
  rows[0].push(`<td rowspan="${model.headerRows}"${lead}></td>`);
  const blocks = [...model.header].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const b of blocks) {
    const scope = b.colSpan > 1 ? 'colgroup' : 'col';
    const span = (b.colSpan > 1 ? ` colspan="${b.colSpan}"` : '') + (b.rowSpan > 1 ? ` rowspan="${b.rowSpan}"` : '');
    rows[b.row].push(`<th scope="${scope}"${span}>${escapeHtml(b.label)}</th>`);
  }
  return rows.map((r) => `<tr>${r.join('')}</tr>`).join('\n');
}

function stubHtml(model: TableModel, row: ModelRow): string {
  if (!model.statColumn) return `<th scope="row">${escapeHtml(row.label)}</th>`;
  if (row.kind !== 'category') return `<th scope="row" colspan="2">${escapeHtml(row.label)}</th>`;
  return `<th scope="row">${escapeHtml(row.label)}</th><td class="stat">${escapeHtml(row.stat)}</td>`;
}

export function modelToHtmlTable(model: TableModel, opts: HtmlOptions): string {
  const notes = model.notes.map((n) => `<p>${escapeHtml(n.text)}</p>`).join('\n');
  const mark = model.mark ? `<p class="unchecked"><strong>${escapeHtml(model.mark)}</strong></p>\n` : '';
  if (model.columns.length === 0) return `<section>\n<h2>${escapeHtml(model.title)}</h2>\n${mark}<div class="notes">\n${notes}\n</div>\n</section>\n`;
  const body = model.rows
    .map((row) => {
      const cls = row.kind === 'category' ? `category${row.last ? ' last' : ''}` : row.kind;
      return `<tr class="${cls}">${stubHtml(model, row)}${row.cells.map((c) => dataCell(c, row, opts)).join('')}</tr>`;
    })
    .join('\n');
  return (
    mark +
    `<table>\n<caption>${escapeHtml(model.title)}</caption>\n<thead>\n${headerHtml(model)}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n` +
    `<div class="notes">\n${notes}\n</div>\n`
  );
}

const CSS =
  'body{font-family:Arial,Helvetica,sans-serif;font-size:10pt}table{border-collapse:collapse;margin:1em 0}' +
  'caption{font-weight:bold;text-align:left;padding:.3em 0}th,td{border:1px solid #bbb;padding:.2em .5em}' +
  'td{text-align:right}th[scope=row]{text-align:left;font-weight:normal}.sig{font-size:80%;color:#555}' +
  '.unchecked{color:#b00020}td.stat{text-align:left}h2{font-size:10pt}tr.base{border-top:2px solid #555}.notes{font-size:85%;color:#333}';

export function tableToHtml(models: TableModel | TableModel[], opts: HtmlOptions): string {
  const list = Array.isArray(models) ? models : [models];
  const tables = list.map((m) => modelToHtmlTable(m, opts)).join('\n');
  if (opts.fragment) return tables;
  const title = escapeHtml(opts.title ?? list[0]?.title ?? '');
  return `<!DOCTYPE html>\n<html lang="${opts.language}">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${tables}</body>\n</html>\n`;
}
