/**
 * writeBook: a whole tabellenboek from one specification. Tables are computed and checked first (so
 * the index can list blocked tables), then streamed sheet by sheet into a temporary file that is
 * renamed over the target only when complete.
 */
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Dataset } from '../../../shared/model/dataset';
import { type RuleSet, defaultRuleSet, publicRuleSummary } from '../../../shared/disclosure/index';
import { type BookReport, type BookSpec, parseBookSpec } from '../../../shared/book/book';
import type { TableModel } from '../../../shared/format/table-model';
import { TEXTS, xmlSafe } from '../../../shared/format/texts';
import { writeAtomic } from '../atomic-write';
import { resolveRules } from '../../../shared/analysis/output-rules';
import { type ComputedTable, computeBook } from '../../../shared/book/compute';
import type { GroupEngine } from '../../../shared/analysis/table-group';
import type { OverrideRecord } from '../../../shared/disclosure/index';
import { type IndexEntry, indexColumns, writeIndexSheet } from './index-sheet';
import { type CheckerRow, bookCheckerRows, writeCheckerSheet } from './checker-sheet';
import { enableInternalLinks, sheetLink, uniqueSheetName } from './links';
import { formatDate, tableModels } from '../../../shared/book/models';
import { loadHouseStyle } from './style';
import { blockLayout, cellAt, columnWidths, tableWidth, writeTableBlock } from './table-sheet';
import { type BookStyles, makeStyles } from './xlsx-style';
import { bookChartSize, chartAnchor, chartRows, enabledCharts, renderBookChart } from './book-chart';
import { type StreamPictures, streamPictures } from './sheet-image';

export interface BookProgress {
  phase: 'compute' | 'write';
  done: number;
  total: number;
}

export interface WriteBookOptions {
  /** The project's rule set; default: the built-in set the spec names. */
  ruleSet?: RuleSet;
  onProgress?: (p: BookProgress) => void;
  signal?: AbortSignal;
  /** Variables per folder, for `questions: {folder}`. */
  folders?: Record<string, string[]>;
  /** Directory with user house styles (`<name>.json`); built-in styles otherwise. */
  styleDir?: string;
  /** Date printed in the book (tests pin it). */
  now?: Date;
  /** The project's recorded overrides of this dataset (released cells are published and marked). */
  overrides?: readonly OverrideRecord[];
  /** Writer tests substitute the engine's banner or the group rules (shared/analysis/table-group.ts). */
  engine?: Partial<GroupEngine>;
  /** Filters under which tables of a row variable and this banner already left the app (release register). */
  released?: (row: string) => string[];
  /** Head of the project's audit hash chain, printed on the checker's sheet. */
  auditHead?: string;
  /**
   * Called when the workbook is complete and before it takes its name (e.g. to write its audit entry):
   * when it throws, the file is not written.
   */
  beforeCommit?: (report: BookReport) => void | Promise<void>;
}

interface Placed {
  table: ComputedTable;
  model: TableModel | null;
  sheet: string | null;
  row: number;
}

function selectionText(spec: BookSpec, ds: Dataset): string | null {
  const parts: string[] = [];
  const cmp = spec.comparison;
  if (cmp) {
    const meta = ds.variables.find((v) => v.name.toLowerCase() === cmp.variable.toLowerCase());
    const lab = (c: string | number, given?: string) => given ?? meta?.valueLabels[String(c)] ?? `${cmp.variable} = ${c}`;
    const vs = spec.language === 'nl' ? 'vergeleken met' : 'compared with';
    parts.push(`${lab(cmp.current, cmp.currentLabel)}${spec.trend?.enabled ? ` (${vs} ${lab(cmp.previous, cmp.previousLabel)})` : ''}`);
  }
  if (spec.filter) parts.push(`filter: ${spec.filter}`);
  return parts.length ? parts.join('; ') : null;
}

/** `specInput`: a book specification of any version (validated and upgraded here). */
export async function writeBook(ds: Dataset, specInput: unknown, outPath: string, opts: WriteBookOptions = {}): Promise<BookReport> {
  const started = Date.now();
  const spec = parseBookSpec(specInput);
  // Without the project's rule set (a plain file): cbs-persons, and a looser one needs the spec's reason.
  const ruleSet = opts.ruleSet ?? resolveRules(spec.ruleSet, defaultRuleSet('cbs-persons'), spec.rulesReason).ruleSet;
  const styles = makeStyles(await loadHouseStyle(spec.style, opts.styleDir));
  const computed = computeBook(ds, spec, {
    engine: opts.engine,
    overrides: opts.overrides,
    released: opts.released,
    ruleSet,
    folders: opts.folders,
    signal: opts.signal,
    onTable: (done, total) => opts.onProgress?.({ phase: 'compute', done, total }),
  });
  const date = formatDate(opts.now ?? new Date(), spec.language);
  const models = tableModels(computed, spec, date);
  const placed = place(
    computed.tables.map((table, i) => ({ table, model: models[i] })),
    spec,
  );
  const checkerName = spec.checkerSheet && (ruleSet.name !== 'none' || ruleSet.unchecked) ? (spec.language === 'nl' ? 'Controle' : 'Checker') : null;

  const report: BookReport = {
    path: outPath,
    ruleSet: ruleSet.name,
    tables: placed.map((p) => ({
      variable: p.table.variable,
      sheet: p.sheet,
      status: p.table.status,
      reason: p.table.reason,
      suppressedCells: p.model?.suppressedCells ?? 0,
    })),
  };
  await writeAtomic(
    outPath,
    (tmp) => writeWorkbook(tmp, { spec, styles, placed, checkerName, ruleSet, date, dataset: computed.dataset, opts }),
    () => {
      report.elapsedMs = Date.now() - started;
      return opts.beforeCommit?.(report);
    },
  );
  return report;
}

/** Sheet names (or block positions) for every written table, decided before writing so the index can link. */
function place(items: { table: ComputedTable; model: TableModel | null }[], spec: BookSpec): Placed[] {
  const taken = new Set<string>(['inhoud', 'contents', 'controle', 'checker', 'tabellen', 'tables']);
  if (spec.layout === 'blocks') {
    const sheet = spec.language === 'nl' ? 'Tabellen' : 'Tables';
    const charts = enabledCharts(spec);
    let row = 1;
    return items.map(({ table, model }) => {
      if (!model) return { table, model, sheet: null, row: 0 };
      const at = row;
      row = blockLayout(at, model).next + 1;
      // The next block starts below this block's chart too.
      if (charts && table.result) row = Math.max(row, chartAnchor(charts, model, at).row + chartRows(bookChartSize(charts, table.result)) + 2);
      return { table, model, sheet, row: at };
    });
  }
  return items.map(({ table, model }) => ({ table, model, sheet: model ? uniqueSheetName(table.variable, taken) : null, row: 1 }));
}

interface WriteContext {
  spec: BookSpec;
  styles: BookStyles;
  placed: Placed[];
  checkerName: string | null;
  ruleSet: RuleSet;
  date: string;
  dataset: Dataset;
  opts: WriteBookOptions;
}

async function writeWorkbook(tmp: string, ctx: WriteContext): Promise<void> {
  const { spec, styles, placed, opts } = ctx;
  const t = TEXTS[spec.language];
  const stream = createWriteStream(tmp, { mode: 0o600 });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } } as ConstructorParameters<
    typeof ExcelJS.stream.xlsx.WorkbookWriter
  >[0]);
  wb.creator = 'Duiding';
  wb.title = xmlSafe(spec.title);
  const catchUp = zipCatchUp(wb, stream);
  const pictures = enabledCharts(spec) ? streamPictures(wb) : null;
  let failure: Error | null = null;
  stream.on('error', (e: Error) => (failure ??= e));
  const check = () => {
    if (failure) throw failure;
    if (opts.signal?.aborted) throw new Error('cancelled');
  };
  const abort = () => stream.destroy(new Error('cancelled'));
  opts.signal?.addEventListener('abort', abort, { once: true });
  try {
    const index = wb.addWorksheet(spec.language === 'nl' ? 'Inhoud' : 'Contents', {
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    enableInternalLinks(index);
    index.columns = indexColumns(styles);
    const entries: IndexEntry[] = placed.map((p) => ({
      variable: p.table.variable,
      label: p.table.label,
      status: p.table.status,
      reason: p.table.reason,
      suppressedCells: p.model?.suppressedCells ?? 0,
      sheet: p.sheet ?? undefined,
      row: p.row,
    }));
    const rules = publicRuleSummary({ ...ctx.ruleSet, symbol: spec.symbols.suppressed });
    writeIndexSheet(index, { spec, date: ctx.date, rules, selection: selectionText(spec, ctx.dataset), entries, checkerSheet: ctx.checkerName }, styles);
    index.commit();

    const written = placed.filter((p) => p.model && p.sheet);
    if (spec.layout === 'blocks') writeBlocks(wb, written, ctx, pictures);
    else
      for (const [i, p] of written.entries()) {
        check();
        writeTableSheet(wb, p, ctx, index.name, pictures);
        opts.onProgress?.({ phase: 'write', done: i + 1, total: written.length });
        await catchUp(i + 2);
      }

    if (ctx.checkerName) {
      const ws = wb.addWorksheet(ctx.checkerName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 4 }] });
      ws.columns = [{ width: 20 }, { width: 40 }, { width: 40 }, { width: 14 }, { width: 16 }, { width: 16 }];
      const rows: CheckerRow[] = written.flatMap((p) => bookCheckerRows(p.table, spec.language));
      const unchecked = ctx.ruleSet.unchecked ? ` — ${t.uncheckedMark}` : '';
      writeCheckerSheet(ws, rows, spec, styles, `${t.ruleSet}: ${rules.legend}${unchecked}`, opts.auditHead);
      ws.commit();
    }
    // A destroyed stream never finishes: committing then would wait forever.
    check();
    await wb.commit();
    check();
  } catch (e) {
    // Release the file and wait until it is closed: a still-pending open() would otherwise create it
    // again after the caller removed it. Whatever the zip still holds is dropped.
    if (!stream.closed) {
      const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
      stream.destroy();
      await closed;
    }
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', abort);
  }
}

type ZipEntry = { name?: string };
type ZipLike = { on(e: 'entry', f: (entry?: ZipEntry) => void): void; once(e: 'entry', f: () => void): void; removeListener(e: 'entry', f: () => void): void };

/** Sheets only: charts add a PNG and drawing parts per sheet, which must not count as a sheet done. */
const isSheetEntry = (entry?: ZipEntry) => !entry?.name || /worksheets\/sheet\d+\.xml$/.test(entry.name);

/**
 * A function that waits until the zip has taken in all but a few of the `committed` sheets. Without
 * it the whole book sits in memory as small chunks until the end. Gives up (returns) when the file
 * stream fails or is destroyed by a cancel, so a full disk can never hang the export.
 */
function zipCatchUp(wb: ExcelJS.stream.xlsx.WorkbookWriter, stream: NodeJS.WritableStream & { destroyed: boolean }, lag = 4) {
  const zip = (wb as unknown as { zip?: ZipLike }).zip;
  let done = 0;
  zip?.on('entry', (entry) => {
    if (isSheetEntry(entry)) done++;
  });
  return async (committed: number): Promise<void> => {
    while (zip && committed - done > lag && !stream.destroyed) {
      await new Promise<void>((resolve) => {
        const finish = () => {
          zip.removeListener('entry', finish);
          stream.removeListener('close', finish);
          resolve();
        };
        zip.once('entry', finish);
        stream.once('close', finish);
      });
    }
  };
}

function printSetup(headerTop: number, headerRows: number) {
  return {
    orientation: 'landscape' as const,
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerTop}:${headerTop + headerRows - 1}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** The chart of a placed table, into the sheet's drawing (nothing for blocked tables or without charts). */
function addChart(ws: ExcelJS.Worksheet, p: Placed, ctx: WriteContext, pictures: StreamPictures | null, width?: number): void {
  const charts = enabledCharts(ctx.spec);
  if (!pictures || !charts) return;
  const chart = renderBookChart(p.table, ctx.spec, charts, ctx.dataset);
  if (!chart) return;
  const at = chartAnchor(charts, p.model!, p.row, width);
  pictures.add(ws, { png: chart.png, ...at, widthPx: chart.widthPx, heightPx: chart.heightPx, description: chart.description });
}

function writeTableSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, p: Placed, ctx: WriteContext, indexName: string, pictures: StreamPictures | null): void {
  const model = p.model!;
  const layout = blockLayout(1, model);
  const ws = wb.addWorksheet(p.sheet!, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: layout.bodyTop - 1 }],
    pageSetup: printSetup(layout.headerTop, model.headerRows),
  });
  enableInternalLinks(ws);
  ws.columns = columnWidths(model, ctx.styles);
  writeTableBlock(ws, 1, model, ctx.styles, ctx.spec.symbols);
  const back = cellAt(ws, 2, 1);
  back.value = { text: TEXTS[ctx.spec.language].back, hyperlink: sheetLink(indexName) };
  back.style = ctx.styles.link;
  addChart(ws, p, ctx, pictures);
  ws.commit();
}

/** All tables on one sheet, one below the other; widths fit the widest table. */
function writeBlocks(wb: ExcelJS.stream.xlsx.WorkbookWriter, written: Placed[], ctx: WriteContext, pictures: StreamPictures | null): void {
  if (written.length === 0) return;
  const widest = written.reduce((a, b) =>
    b.model!.columns.length * (b.model!.sigColumns ? 2 : 1) > a.model!.columns.length * (a.model!.sigColumns ? 2 : 1) ? b : a,
  );
  const ws = wb.addWorksheet(written[0].sheet!, { pageSetup: { ...printSetup(1, 1), printTitlesRow: undefined } });
  enableInternalLinks(ws);
  ws.columns = columnWidths(widest.model!, ctx.styles);
  written.forEach((p, i) => {
    if (ctx.opts.signal?.aborted) throw new Error('cancelled');
    writeTableBlock(ws, p.row, p.model!, ctx.styles, ctx.spec.symbols);
    addChart(ws, p, ctx, pictures, tableWidth(widest.model!));
    ctx.opts.onProgress?.({ phase: 'write', done: i + 1, total: written.length });
  });
  ws.commit();
}
