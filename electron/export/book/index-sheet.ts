/**
 * The index sheet: what the book is (title, source, date, weighting, output rules, symbols) and one
 * line per table, linked to its sheet. A blocked table is listed with the reason instead of a link,
 * so a reader sees that it exists and why it is missing.
 */
import type { PublicRuleSummary } from '../../../shared/disclosure/index';
import type { TableStatus } from '../../../shared/model/results';
import { legendLine } from '../../../shared/format/table-model';
import { TEXTS, xmlSafe } from '../../../shared/format/texts';
import type { BookSpec } from '../../../shared/book/book';
import type { SheetWriter } from '../xlsx/sheet';
import type { BookStyles } from './xlsx-style';

export interface IndexEntry {
  variable: string;
  label: string;
  status: TableStatus;
  reason?: string;
  suppressedCells: number;
  /** Where the table starts; absent for a blocked table. */
  sheet?: string;
  row?: number;
}

export interface IndexInfo {
  spec: BookSpec;
  date: string;
  rules: PublicRuleSummary;
  /** E.g. "Golf 2025 (vergeleken met Golf 2024); filter: leeftijd >= 18". */
  selection: string | null;
  entries: IndexEntry[];
  checkerSheet: string | null;
}

export function indexColumns(styles: BookStyles): number[] {
  return [21, styles.widths.index, 18, 48];
}

function statusText(e: IndexEntry, lang: BookSpec['language']): string {
  const t = TEXTS[lang];
  if (e.status === 'blocked') return `${t.blocked}: ${e.reason ?? ''}`.trim();
  if (e.status === 'suppressed') return t.suppressedNote(e.suppressedCells);
  if (e.status === 'unchecked') return t.uncheckedMark;
  return '';
}

export function writeIndexSheet(ws: SheetWriter, info: IndexInfo, styles: BookStyles): void {
  const { spec } = info;
  const t = TEXTS[spec.language];
  let r = 1;
  const put = (row: number, col: number, value: string, style: number) => ws.set(row, col, xmlSafe(value), style);
  put(r++, 1, spec.title, styles.title);
  if (spec.subtitle) put(r++, 1, spec.subtitle, styles.subtitle);
  r++;
  const weighting = spec.weight ? t.weightedNote(spec.weight.variable, spec.weight.type) : t.unweightedNote;
  const lines: [string, string][] = [
    [t.source, spec.source],
    [t.date, info.date],
    [t.weighting, weighting],
    [t.ruleSet, info.rules.legend],
  ];
  if (info.selection) lines.push([spec.language === 'nl' ? 'Selectie' : 'Selection', info.selection]);
  lines.push([t.legend, legendLine(spec.symbols, spec.language).replace(/^[^:]*: /, '')]);
  for (const [k, v] of lines) {
    if (!v) continue;
    put(r, 1, `${k}:`, styles.label);
    put(r++, 2, v, styles.text);
  }
  r++;
  put(r, 1, t.table, styles.header);
  put(r, 2, t.contents, styles.header);
  put(r, 3, spec.language === 'nl' ? 'Variabele' : 'Variable', styles.header);
  put(r++, 4, 'Status', styles.header);
  info.entries.forEach((e, i) => {
    put(r, 1, String(i + 1), styles.text);
    if (e.sheet) {
      put(r, 2, e.label, styles.link);
      ws.link(r, 2, e.sheet, e.row ?? 1);
    } else put(r, 2, e.label, styles.text);
    put(r, 3, e.variable, styles.text);
    put(r++, 4, statusText(e, spec.language), styles.note);
  });
  if (info.checkerSheet) {
    r++;
    put(r, 2, `${t.checker}: ${spec.language === 'nl' ? 'ongewogen aantallen per gepubliceerde cel' : 'unweighted counts per published cell'}`, styles.link);
    ws.link(r, 2, info.checkerSheet);
  }
}
