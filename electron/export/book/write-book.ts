/**
 * writeBook: a whole tabellenboek from one specification. Tables are computed and checked first (so
 * the index can list blocked tables), then streamed sheet by sheet into a temporary file that is
 * renamed over the target only when complete. The sheets are written as XML by electron/export/xlsx
 * (a cell is a value and a style index, nothing more; measurements in docs/benchmarks.md).
 */
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
import { uniqueSheetName } from './sheet-names';
import { formatDate, tableModels } from '../../../shared/book/models';
import { loadHouseStyle } from './style';
import { blockLayout, columnWidths, tableWidth, writeTableBlock } from './table-sheet';
import { type BookStyles, makeStyles } from './xlsx-style';
import { bookChartSize, chartAnchor, chartRows, enabledCharts, renderBookChart } from './book-chart';
import type { HouseStyle } from './style';
import { CHECKER_WIDTHS } from './checker-sheet';
import type { PageSetup, SheetWriter } from '../xlsx/sheet';
import { XlsxWriter } from '../xlsx/workbook';

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
  const houseStyle = await loadHouseStyle(spec.style, opts.styleDir);
  const computed = computeBook(ds, spec, {
    engine: opts.engine,
    overrides: opts.overrides,
    released: opts.released,
    ruleSet,
    folders: opts.folders,
    signal: opts.signal,
    onTable: (done, total) => opts.onProgress?.({ phase: 'compute', done, total }),
  });
  // The tables are known: writing starts (a caller can tell computing from writing by this event).
  opts.onProgress?.({ phase: 'write', done: 0, total: computed.tables.filter((t) => t.result).length });
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
    (tmp) => writeWorkbook(tmp, houseStyle, { spec, placed, checkerName, ruleSet, date, dataset: computed.dataset, opts }),
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
      const shown = table.result ?? table.mr;
      if (charts && shown) row = Math.max(row, chartAnchor(charts, model, at).row + chartRows(bookChartSize(charts, shown)) + 2);
      return { table, model, sheet, row: at };
    });
  }
  return items.map(({ table, model }) => ({ table, model, sheet: model ? uniqueSheetName(table.variable, taken) : null, row: 1 }));
}

interface WriteContext {
  spec: BookSpec;
  placed: Placed[];
  checkerName: string | null;
  ruleSet: RuleSet;
  date: string;
  dataset: Dataset;
  opts: WriteBookOptions;
}

interface SheetsContext extends WriteContext {
  styles: BookStyles;
  xlsx: XlsxWriter;
}

/** How long the writer may keep the event loop before it lets a Stop (or anything else) in. */
const YIELD_MS = 40;

async function writeWorkbook(tmp: string, houseStyle: HouseStyle, wctx: WriteContext): Promise<void> {
  const { spec, placed, opts } = wctx;
  const t = TEXTS[spec.language];
  const xlsx = await XlsxWriter.create(tmp, { title: xmlSafe(spec.title), creator: 'Duiding', date: opts.now });
  const ctx: SheetsContext = { ...wctx, xlsx, styles: makeStyles(houseStyle, xlsx.styles) };
  const { styles } = ctx;
  let yielded = performance.now();
  const check = async () => {
    if (opts.signal?.aborted) throw new Error('cancelled');
    if (performance.now() - yielded > YIELD_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      yielded = performance.now();
      if (opts.signal?.aborted) throw new Error('cancelled');
    }
  };
  try {
    const index = xlsx.addSheet(spec.language === 'nl' ? 'Inhoud' : 'Contents', {
      widths: indexColumns(styles),
      page: { landscape: true, paperSize: 9, fitToWidth: true },
    });
    const entries: IndexEntry[] = placed.map((p) => ({
      variable: p.table.variable,
      label: p.table.label,
      status: p.table.status,
      reason: p.table.reason,
      suppressedCells: p.model?.suppressedCells ?? 0,
      sheet: p.sheet ?? undefined,
      row: p.row,
    }));
    const rules = publicRuleSummary({ ...wctx.ruleSet, symbol: spec.symbols.suppressed });
    writeIndexSheet(index, { spec, date: wctx.date, rules, selection: selectionText(spec, wctx.dataset), entries, checkerSheet: wctx.checkerName }, styles);
    await xlsx.commit(index);

    const written = placed.filter((p) => p.model && p.sheet);
    if (spec.layout === 'blocks') await writeBlocks(written, ctx, check);
    else
      for (const [i, p] of written.entries()) {
        await check();
        await writeTableSheet(p, ctx, index.name);
        opts.onProgress?.({ phase: 'write', done: i + 1, total: written.length });
      }

    if (wctx.checkerName) {
      await check();
      const ws = xlsx.addSheet(wctx.checkerName, { frozen: { cols: 0, rows: 4 }, widths: CHECKER_WIDTHS });
      const rows: CheckerRow[] = written.flatMap((p) => bookCheckerRows(p.table, spec.language));
      const unchecked = wctx.ruleSet.unchecked ? ` — ${t.uncheckedMark}` : '';
      writeCheckerSheet(ws, rows, spec, styles, `${t.ruleSet}: ${rules.legend}${unchecked}`, opts.auditHead);
      await xlsx.commit(ws);
    }
    await check();
    await xlsx.close();
  } catch (e) {
    // Nothing more reaches the file, and it is closed before the caller removes it.
    await xlsx.abort(e instanceof Error ? e : new Error(String(e)));
    throw e;
  }
}

function printSetup(headerTop: number, headerRows: number): PageSetup {
  return {
    landscape: true,
    paperSize: 9,
    fitToWidth: true,
    titleRows: [headerTop, headerTop + headerRows - 1],
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** The chart of a placed table, drawn when its sheet is done (nothing for blocked tables or without charts). */
function addChart(ws: SheetWriter, p: Placed, ctx: SheetsContext, width?: number): void {
  const charts = enabledCharts(ctx.spec);
  if (!charts || (!p.table.result && !p.table.mr) || p.table.status === 'blocked') return;
  // Drawn now, with its sheet: the picture is shown at the size it came out (labels never overprint).
  const image = renderBookChart(p.table, ctx.spec, charts, ctx.dataset);
  if (!image) return;
  const at = chartAnchor(charts, p.model!, p.row, width);
  ws.picture({ ...at, widthPx: image.widthPx, heightPx: image.heightPx, description: p.table.label, png: () => image.png });
}

async function writeTableSheet(p: Placed, ctx: SheetsContext, indexName: string): Promise<void> {
  const model = p.model!;
  const layout = blockLayout(1, model);
  const ws = ctx.xlsx.addSheet(p.sheet!, {
    frozen: { cols: 1, rows: layout.bodyTop - 1 },
    widths: columnWidths(model, ctx.styles),
    page: printSetup(layout.headerTop, model.headerRows),
  });
  writeTableBlock(ws, 1, model, ctx.styles, ctx.spec.symbols);
  ws.set(2, 1, TEXTS[ctx.spec.language].back, ctx.styles.link);
  ws.link(2, 1, indexName);
  addChart(ws, p, ctx);
  await ctx.xlsx.commit(ws);
}

/** All tables on one sheet, one below the other; widths fit the widest table. */
async function writeBlocks(written: Placed[], ctx: SheetsContext, check: () => Promise<void>): Promise<void> {
  if (written.length === 0) return;
  const widest = written.reduce((a, b) =>
    b.model!.columns.length * (b.model!.sigColumns ? 2 : 1) > a.model!.columns.length * (a.model!.sigColumns ? 2 : 1) ? b : a,
  );
  const ws = ctx.xlsx.addSheet(written[0].sheet!, {
    widths: columnWidths(widest.model!, ctx.styles),
    page: { ...printSetup(1, 1), titleRows: undefined },
  });
  for (const [i, p] of written.entries()) {
    await check();
    writeTableBlock(ws, p.row, p.model!, ctx.styles, ctx.spec.symbols);
    addChart(ws, p, ctx, tableWidth(widest.model!));
    // The block's rows are final: out they go, so one long sheet never sits in memory.
    ws.flush();
    ctx.opts.onProgress?.({ phase: 'write', done: i + 1, total: written.length });
  }
  await ctx.xlsx.commit(ws);
}
