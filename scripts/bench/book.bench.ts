/**
 * Tabellenboek: 300 questions × a 25-column banner (Totaal | gemeente 10 | leeftijd 4 | geslacht 2 |
 * opleiding 3 | inkomen 5) on 7,000 respondents, weighted, with letters, under cbs-persons, written
 * to .xlsx. The target is 10 s on these machines; printed as that limit against Duiding.
 * The data is made here (seeded), not read from .bench: it is small and shaped like a panel wave.
 * BOOK_BENCH_QUESTIONS=n runs a smaller book (for profiling). The '#' line splits the time into
 * phases and gives the process CPU time, which is what to compare on a busy machine.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset, VariableMeta } from '../../shared/model/dataset';
import { compactNumeric, newVariable } from '../../shared/model/dataset';
import { writeBook } from '../../electron/export/book';

const ROWS = 7000;
const QUESTIONS = Number(process.env.BOOK_BENCH_QUESTIONS ?? 300);
const LIMIT_MS = 10_000;

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

async function main(): Promise<void> {
  const ds = panel();
  const dir = mkdtempSync(join(tmpdir(), 'duiding-book-bench-'));
  const out = join(dir, 'boek.xlsx');
  const spec = {
    version: 1 as const,
    title: 'Benchmark',
    dataset: 'bench',
    weight: { variable: 'gewicht', type: 'sampling' as const },
    banner: { total: true, items: ['gemeente', 'leeftijd_gr', 'geslacht', 'opleiding', 'inkomen'].map((variable) => ({ variable })) },
    questions: Array.from({ length: QUESTIONS }, (_, q) => `v${q + 1}`),
  };
  const phases: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let last = t0;
  const report = await writeBook(ds, spec, out, {
    onProgress: (p) => {
      if (p.done === p.total) {
        const now = performance.now();
        phases[p.phase] = Math.round(now - last);
        last = now;
      }
    },
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const suppressed = report.tables.filter((t) => t.status === 'suppressed').length;
  const blocked = report.tables.filter((t) => t.status === 'blocked').length;
  console.log(
    `# book: ${report.tables.length} tables (${suppressed} with suppression, ${blocked} blocked), ${(statSync(out).size / 1e6).toFixed(1)} MB; ` +
      `compute+rules ${phases.compute} ms, write ${phases.write} ms, finish ${Math.round(performance.now() - last)} ms; ` +
      `process CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms (the machine is shared: wall time includes waiting)`,
  );
  console.log(`BENCH book duiding_ms=${Math.round(ms)} limit_ms=${LIMIT_MS} ratio=${(LIMIT_MS / ms).toFixed(2)}`);
  rmSync(dir, { recursive: true, force: true });
}

void main();
