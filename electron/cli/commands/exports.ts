import { readFileSync } from 'node:fs';
import { chartTypes, type ChartType } from '../../../shared/chart/spec';
import { Flags, oneData, UsageError, type ParsedArgs } from '../args';
import { loadData } from '../data-source';
import { loadSavedBook } from '../book-source';
import { parseBookSpec, type BookSpec } from '../../../shared/book/book';
import { variableFolders } from '../../../shared/book/folders';
import { rulesOption, weightOption } from '../options';

function readSpecFile(specPath: string): unknown {
  try {
    return JSON.parse(readFileSync(specPath, 'utf8'));
  } catch (e) {
    throw new UsageError(`${specPath}: not a readable JSON book specification (${(e as Error).message})`);
  }
}

/** `duiding book DATA (--spec book.json | --book NAME) --out file.xlsx` */
export async function bookCommand(args: ParsedArgs): Promise<string> {
  const flags = new Flags(args, ['spec', 'book', 'out', 'rules', 'reason', 'json']);
  const specPath = flags.string('spec');
  const bookName = flags.string('book');
  if ((specPath === undefined) === (bookName === undefined)) throw new UsageError('name the book with --spec FILE.json or --book NAME (one of the two)');
  const out = flags.required('out');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--out must be an .xlsx file, not "${out}"`);
  const spec = specPath !== undefined ? readSpecFile(specPath) : loadSavedBook(oneData(args), bookName!);
  let parsed: BookSpec;
  try {
    parsed = parseBookSpec(spec);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const loaded = await loadData(oneData(args));
  // The spec's rule set (or the project's); one below the project's needs --reason or the spec's rulesReason.
  const ruleSet = await rulesOption(flags, loaded, 'book', parsed.ruleSet, parsed.rulesReason);
  // exceljs and ECharts take a third of a second to load: only the command that draws pays for them.
  const { writeBook } = await import('../../export/book/index');
  const report = await writeBook(loaded.dataset, parsed, out, { ruleSet, folders: variableFolders(loaded.dataset) });
  if (flags.has('json')) return JSON.stringify(report);
  const blocked = report.tables.filter((t) => t.status === 'blocked');
  const suppressed = report.tables.filter((t) => t.status === 'suppressed');
  return [
    `Wrote ${out}: ${report.tables.length} tables under ${report.ruleSet} (${suppressed.length} with suppressed cells, ${blocked.length} blocked)`,
    ...blocked.map((t) => `  blocked: ${t.variable}${t.reason ? ` — ${t.reason}` : ''}`),
  ].join('\n');
}

/** `duiding chart DATA --rows V --cols V [--weight W] --type … --out FILE.svg|FILE.png` */
export async function chartCommand(args: ParsedArgs): Promise<string> {
  const flags = new Flags(args, [
    'rows',
    'cols',
    'weight',
    'weight-type',
    'type',
    'out',
    'width-mm',
    'height-mm',
    'dpi',
    'filter',
    'rules',
    'reason',
    'locale',
    'json',
  ]);
  const type = flags.required('type') as ChartType;
  if (!(chartTypes as readonly string[]).includes(type)) throw new UsageError(`--type is one of ${chartTypes.join(', ')}, not "${type}"`);
  const out = flags.required('out');
  if (!/\.(svg|png)$/i.test(out)) throw new UsageError(`--out must end in .svg or .png, not "${out}"`);
  const locale = flags.string('locale') ?? 'nl';
  if (locale !== 'nl' && locale !== 'en') throw new UsageError(`--locale is nl or en`);
  const loaded = await loadData(oneData(args));
  const dataset = loaded.dataset;
  const { runChart } = await import('../../export/chart/index');
  const result = await runChart(dataset, {
    rows: flags.required('rows'),
    cols: flags.required('cols'),
    weight: weightOption(flags, dataset),
    filter: flags.string('filter'),
    type,
    out,
    widthMm: flags.number('width-mm', 160),
    heightMm: flags.number('height-mm', 100),
    dpi: flags.number('dpi', 300),
    locale,
    ruleSet: await rulesOption(flags, loaded, 'chart'),
  });
  if (flags.has('json')) return JSON.stringify(result);
  return `Wrote ${result.path}: ${result.widthPx} × ${result.heightPx} px${result.suppressed ? `, ${result.suppressed} suppressed cell(s) left as gaps` : ''}`;
}
