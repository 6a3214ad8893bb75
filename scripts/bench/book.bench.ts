/**
 * Tabellenboek: 300 questions × a 25-column banner (Totaal | gemeente 10 | leeftijd 4 | geslacht 2 |
 * opleiding 3 | inkomen 5) on 7,000 respondents, weighted, with letters, under cbs-persons, written
 * to .xlsx: compute + rules + write under 1.5 s (issue 12), printed as that target against Duiding.
 * The data is made here (seeded), not read from .bench: it is small and shaped like a panel wave.
 *
 * The '#' lines split each run into phases, each with its wall and process CPU time (what to compare
 * on a busy machine): compute (tables and the group rules, until the writer's first progress event),
 * write (display models and the table sheets), finish (checker's sheet, the package's last parts,
 * fsync and rename). The heap is measured after a full GC before and after the book, and sampled
 * during the write. Environment:
 *   BOOK_BENCH_QUESTIONS=n  a smaller or larger book
 *   BOOK_BENCH_RUNS=n       number of runs (default 3; the first is cold; the median is printed)
 *   BOOK_BENCH_CHARTS=1     a chart per table
 *   BOOK_BENCH_HEAP=1       collect garbage every 50 sheets and print the live heap (slower: for
 *                           the memory check only)
 *   BOOK_BENCH_KEEP=1       keep the workbook
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Dataset, VariableMeta } from '../../shared/model/dataset';
import { compactNumeric, newVariable } from '../../shared/model/dataset';
import { writeBook } from '../../electron/export/book';

const ROWS = 7000;
const QUESTIONS = Number(process.env.BOOK_BENCH_QUESTIONS ?? 300);
const RUNS = Number(process.env.BOOK_BENCH_RUNS ?? 3);
const CHARTS = process.env.BOOK_BENCH_CHARTS === '1';
const HEAP = process.env.BOOK_BENCH_HEAP === '1';
const TARGET_MS = 1500;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
// Not process.memoryUsage(): it reads the resident size from /proc, which costs more than it measures.
const heapMb = () => getHeapStatistics().used_heap_size / 1e6;
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const labels = (n: number, prefix: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 1), `${prefix} ${i + 1}`]));

function panel(): Dataset {
  const rnd = lcg(2025);
  const banner: [string, number][] = [
    ['gemeente', 10],
    ['leeftijd_gr', 4],
    ['geslacht', 2],
    ['opleiding', 3],
    ['inkomen', 5],
  ];
  const vars: VariableMeta[] = banner.map(([name, k]) => newVariable(name, 'numeric', { label: name, measure: 'nominal', valueLabels: labels(k, name) }));
  vars.push(newVariable('gewicht', 'numeric', { label: 'Weegfactor', role: 'weight' }));
  for (let q = 1; q <= QUESTIONS; q++) {
    vars.push(
      newVariable(`v${q}`, 'numeric', {
        label: `Vraag ${q}: hoe tevreden bent u met onderwerp ${q}?`,
        measure: 'ordinal',
        valueLabels: { ...labels(5, 'Antwoord'), '9': 'Weet niet' },
        missing: { values: [9], range: null },
      }),
    );
  }
  const cols = vars.map(() => new Float64Array(ROWS));
  for (let i = 0; i < ROWS; i++) {
    const g = rnd() < 0.02 ? 10 : 1 + Math.floor(rnd() * 9);
    const codes = [g, 1 + Math.floor(rnd() * 4), 1 + Math.floor(rnd() * 2), 1 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 5)];
    codes.forEach((c, k) => (cols[k][i] = c));
    cols[5][i] = 0.4 + rnd() * 1.2;
    for (let q = 0; q < QUESTIONS; q++) {
      const shift = ((g + q) % 5) * 0.25 + codes[1] * 0.15;
      cols[6 + q][i] = rnd() < 0.04 ? 9 : Math.min(5, Math.max(1, Math.round(1.5 + shift + rnd() * 2.6)));
    }
  }
  return {
    name: 'bench',
    rows: ROWS,
    variables: vars,
    columns: cols.map((c) => ({ kind: 'numeric' as const, data: compactNumeric(c) })),
    weight: 'gewicht',
    fileLabel: 'bench',
    documents: [],
    mrSets: [],
  };
}

interface Run {
  ms: number;
  wall: Record<string, number>;
  cpu: Record<string, number>;
  heapBefore: number;
  heapAfter: number;
  heapPeak: number;
  heapLive: number[];
  mb: number;
  tables: number;
  suppressed: number;
  blocked: number;
}

async function once(ds: Dataset, spec: object): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-book-bench-'));
  const out = join(dir, 'boek.xlsx');
  gc();
  const heapBefore = heapMb();
  let heapPeak = heapBefore;
  const heapLive: number[] = [];
  const wall: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let lastT = t0;
  let lastC = c0;
  const mark = (phase: string) => {
    const now = performance.now();
    const c = process.cpuUsage();
    wall[phase] = now - lastT;
    cpu[phase] = cpuMs(process.cpuUsage(lastC));
    lastT = now;
    lastC = c;
  };
  const report = await writeBook(ds, spec, out, {
    onProgress: (p) => {
      if (p.phase !== 'write') return;
      if (p.done % 10 === 0) heapPeak = Math.max(heapPeak, heapMb());
      if (p.done === 0) mark('compute');
      else if (p.done === p.total) mark('write');
      if (HEAP && p.done % 50 === 0) {
        gc();
        heapLive.push(Math.round(heapMb()));
      }
    },
  });
  mark('finish');
  const ms = performance.now() - t0;
  gc();
  const heapAfter = heapMb();
  const mb = statSync(out).size / 1e6;
  if (process.env.BOOK_BENCH_KEEP) console.log(`# kept ${out}`);
  else rmSync(dir, { recursive: true, force: true });
  return {
    ms,
    wall,
    cpu,
    heapBefore,
    heapAfter,
    heapPeak,
    heapLive,
    mb,
    tables: report.tables.length,
    suppressed: report.tables.filter((t) => t.status === 'suppressed').length,
    blocked: report.tables.filter((t) => t.status === 'blocked').length,
  };
}

async function main(): Promise<void> {
  const ds = panel();
  const spec = {
    version: 1 as const,
    title: 'Benchmark',
    dataset: 'bench',
    weight: { variable: 'gewicht', type: 'sampling' as const },
    banner: { total: true, items: ['gemeente', 'leeftijd_gr', 'geslacht', 'opleiding', 'inkomen'].map((variable) => ({ variable })) },
    questions: Array.from({ length: QUESTIONS }, (_, q) => `v${q + 1}`),
    ...(CHARTS ? { charts: {} } : {}),
  };
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await once(ds, spec);
    runs.push(r);
    const phase = (k: string) => `${k} ${Math.round(r.wall[k])} ms (CPU ${Math.round(r.cpu[k])})`;
    const totalCpu = Object.values(r.cpu).reduce((a, b) => a + b, 0);
    console.log(
      `# book: ${r.tables} tables (${r.suppressed} with suppression, ${r.blocked} blocked)${CHARTS ? ' with charts' : ''}, ${r.mb.toFixed(1)} MB; ` +
        `${phase('compute')}, ${phase('write')}, ${phase('finish')}; wall ${Math.round(r.ms)} ms, process CPU ${Math.round(totalCpu)} ms ` +
        `(the machine is shared: wall time includes waiting)`,
    );
    console.log(
      `# heap after GC ${r.heapBefore.toFixed(0)} MB before, ${r.heapAfter.toFixed(0)} MB after; at most ${r.heapPeak.toFixed(0)} MB in use while writing (uncollected garbage included)` +
        (r.heapLive.length ? `; live every 50 sheets: ${r.heapLive.join(', ')} MB` : ''),
    );
  }
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  console.log(`BENCH book duiding_ms=${Math.round(ms)} target_ms=${TARGET_MS} ratio=${(TARGET_MS / ms).toFixed(2)}`);
}

void main();
