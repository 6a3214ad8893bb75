/**
 * `duiding weight DATA --targets T.json|T.csv --method rake|poststrat|linear [--bounds LO,HI]
 *  [--base-weight W] [--filter EXPR] [--name NEWVAR] [--max-iter N] [--epsilon E] [--project P.duiding]
 *  [--out FILE.sav|FILE.csv] [--json]`, plus `--trim MAX|Kx`, `--scale-targets` and `--replace`.
 * Prints the report; `--project` stores the weight in DATA's dataset of that project (undoable there,
 * with its recipe and an audit entry); `--out` writes the data with the new variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { codeKey, findVariable, type Dataset } from '../../../shared/model/dataset';
import {
  fromTargetSet,
  parseTargetsFile,
  runWeighting,
  weightMethods,
  weightSpecSchema,
  weightVariableMeta,
  WeightingError,
  type TargetSet,
  type WeightMethod,
  type WeightReport,
  type WeightSpec,
} from '../../../shared/weighting/index';
import { applyWeight } from '../../backend/apply-weight';
import { applyRulesToWeightReport } from '../../../shared/analysis/weight-rules';
import { writeDatasetCsv } from '../../export/dataset-csv';
import { writeSav } from '../../import/sav/write';
import { ProjectStore } from '../../store/project-store';
import { Flags, oneData, UsageError, type ParsedArgs } from '../args';
import { loadData } from '../data-source';
import { textTable } from '../text-table';

const FLAGS = [
  'targets',
  'method',
  'bounds',
  'base-weight',
  'filter',
  'name',
  'max-iter',
  'epsilon',
  'project',
  'out',
  'json',
  'trim',
  'scale-targets',
  'replace',
];

function readTargets(path: string): TargetSet {
  if (!existsSync(path)) throw new UsageError(`${path}: no such targets file`);
  return parseTargetsFile(path, readFileSync(path, 'utf8'));
}

function boundsOption(flags: Flags): [number, number] | undefined {
  const list = flags.list('bounds');
  if (list === undefined) return undefined;
  const nums = list.map(Number);
  if (nums.length !== 2 || !nums.every(Number.isFinite)) throw new UsageError(`--bounds needs two numbers LO,HI (e.g. 0.5,2), got "${list.join(',')}"`);
  return [nums[0], nums[1]];
}

function trimOption(flags: Flags): WeightSpec['trim'] {
  const v = flags.string('trim');
  if (v === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(x?)$/i.exec(v.trim());
  if (!m || !(Number(m[1]) > 0)) throw new UsageError(`--trim is a maximum weight (e.g. 150) or a multiple of the mean weight (e.g. 5x), not "${v}"`);
  return { max: Number(m[1]), relative: m[2] !== '' };
}

function intOption(flags: Flags, name: string): number | undefined {
  const v = flags.string(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} needs a whole number of at least 1, got "${v}"`);
  return n;
}

function numberOption(flags: Flags, name: string): number | undefined {
  return flags.string(name) === undefined ? undefined : flags.number(name, 0);
}

/** The project and dataset --project stores into: DATA must be a dataset of that very project. */
function projectTarget(project: string, data: string): string {
  const hash = data.lastIndexOf('#');
  const path = hash > 0 ? data.slice(0, hash) : '';
  if (!path.endsWith('.duiding') || resolve(path) !== resolve(project)) {
    throw new UsageError(`--project stores the weight in DATA's dataset: give DATA as ${project}#DATASET`);
  }
  return data.slice(hash + 1);
}

/** DATA with the new weight column added (or put in place of the variable of that name with --replace). */
function withWeight(ds: Dataset, report: WeightReport, weights: Float64Array, replace: boolean): Dataset {
  const meta = weightVariableMeta(report, new Date(), 'nl');
  const k = findVariable(ds, meta.name);
  if (k >= 0 && !replace) throw new WeightingError({ code: 'weight-variable-exists', name: ds.variables[k].name });
  const column = { kind: 'numeric' as const, data: weights };
  if (k < 0) return { ...ds, variables: [...ds.variables, meta], columns: [...ds.columns, column] };
  return {
    ...ds,
    variables: ds.variables.map((v, i) => (i === k ? { ...meta, name: v.name } : v)),
    columns: ds.columns.map((c, i) => (i === k ? column : c)),
  };
}

/** A number in the report; null is a value the output rules withheld ("x", as in tables). */
const fmt = (v: number | null, d = 2) => (v === null ? 'x' : v.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d }));

export function weightText(r: WeightReport, stored: string[]): string {
  const s = r.summary;
  const lines = [
    `Weight ${r.variable} (${r.method}, ${r.iterations} iteration(s)): ${fmt(r.n, 0)} cases weighted to ${fmt(r.weighted)}; ${fmt(r.excluded, 0)} without a weight` +
      ` (filter ${r.excludedBy.filter}, missing margin ${r.excludedBy.missing}, base weight ${r.excludedBy.baseWeight})`,
    `min ${fmt(s.min, 4)}  max ${fmt(s.max, 4)}  mean ${fmt(s.mean, 4)}  cv ${fmt(s.cv, 3)}  Kish deff ${fmt(s.kishDeff, 3)}  effective n ${fmt(s.effectiveN, 1)}` +
      `  negative ${s.negative}  trimmed ${s.trimmed}`,
    ...(r.rules && r.rules.status !== 'safe' ? [`output rules (${r.rules.ruleSet}): ${r.rules.reasons.join('; ')}`] : []),
    ...r.scaled.map((m) => `targets of ${m.variable} scaled by ${m.factor.toPrecision(6)} (they summed to ${fmt(m.sum)})`),
  ];
  for (const m of r.margins) {
    lines.push(
      '',
      textTable(
        [m.variable, 'label', 'sample', 'target', 'achieved'],
        m.categories.map((c) => [codeKey(c.code), c.label, fmt(c.sample, 0), fmt(c.target), fmt(c.achieved)]),
        [false, false, true, true, true],
      ),
    );
  }
  return [...lines, ...(stored.length ? ['', ...stored] : [])].join('\n');
}

export async function weightCommand(args: ParsedArgs): Promise<string> {
  const flags = new Flags(args, FLAGS);
  const data = oneData(args);
  const method = flags.required('method');
  if (!(weightMethods as readonly string[]).includes(method)) throw new UsageError(`--method is rake, poststrat or linear, not "${method}"`);
  const targetsPath = flags.required('targets');
  const project = flags.string('project');
  const out = flags.string('out');
  if (out !== undefined && !/\.(sav|zsav|csv)$/i.test(out)) throw new UsageError(`--out must end in .sav, .zsav or .csv, not "${out}"`);
  const dataset = project !== undefined ? projectTarget(project, data) : null;
  const targetSet = readTargets(targetsPath);
  const parsed = weightSpecSchema.safeParse({
    method: method as WeightMethod,
    targets: fromTargetSet(targetSet),
    name: flags.string('name'),
    baseWeight: flags.string('base-weight'),
    filter: flags.string('filter'),
    bounds: boundsOption(flags),
    trim: trimOption(flags),
    maxIter: intOption(flags, 'max-iter'),
    epsilon: numberOption(flags, 'epsilon'),
    scaleTargets: flags.has('scale-targets'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue.path[0] ?? 'targets').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`);
  }
  const spec = parsed.data;
  const replace = flags.has('replace');
  const loaded = await loadData(data);
  const ds = loaded.dataset;

  let report: WeightReport;
  let weights: Float64Array;
  const stored: string[] = [];
  if (dataset !== null && project !== undefined) {
    const store = ProjectStore.open(project);
    try {
      ({ report, weights } = applyWeight(store, ds, dataset, spec, { replace, lang: 'nl', action: 'weight.cli', run: { targetSet } }));
    } finally {
      store.close();
    }
    stored.push(`Stored ${report.variable} (role weight) with its recipe in ${project}#${dataset}`);
  } else {
    ({ report, weights } = runWeighting(ds, spec, { targetSet }));
  }
  // What is printed passes the output rules (the sample counts); what is stored or written is the weight itself.
  const printed = applyRulesToWeightReport(ds, spec, report, loaded.ruleSet, { targetSet });
  if (out !== undefined) {
    const full = withWeight(ds, report, weights, replace);
    if (/\.csv$/i.test(out)) await writeDatasetCsv(out, full);
    else await writeSav(out, full, { compression: /\.zsav$/i.test(out) ? 'zlib' : 'bytecode' });
    stored.push(`Wrote ${out}: ${full.rows} rows, ${full.variables.length} variables`);
  }
  return flags.has('json') ? JSON.stringify(printed) : weightText(printed, stored);
}
