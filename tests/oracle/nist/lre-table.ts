/**
 * Prints the NIST StRD accuracy table of tests/oracle/nist/README.md: per dataset the correct digits
 * (LRE, minimum over the coefficients, resp. over their SDs; residual SD; R²) of
 *   limit  – the exact solution of the doubles the engine is given (the best any double solver can do),
 *   auto   – the engine as regress() runs it (QR + double-double refinement at this size),
 *   normal – the engine forced onto its large-n path (cross-products, QR when ill-conditioned),
 *   R lm   – R's lm from r-lm.json.
 * Run: npx tsx tests/oracle/nist/lre-table.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { regress } from '../../../shared/engine/regression/index';
import { makeColumns } from '../../../shared/engine/regression/columns';
import { buildDesign } from '../../../shared/engine/regression/design';
import { leastSquares, type Solver } from '../../../shared/engine/regression/least-squares';
import { exactOls } from './exact';
import { type StrdCertified, lre, parseStrd } from './strd';
import { strdProblem } from './strd-dataset';

const here = dirname(fileURLToPath(import.meta.url));
const NAMES = ['Norris', 'Pontius', 'Longley', 'Wampler1', 'Wampler2', 'Wampler3', 'Wampler4', 'Wampler5', 'Filip'];
const rLm = JSON.parse(readFileSync(join(here, 'r-lm.json'), 'utf8')) as {
  fits: Record<string, { b: (number | null)[]; se: (number | null)[]; residualSD: number; r2: number; dropped: string[] }>;
};

interface Stats {
  b: number[];
  se: number[];
  residualSD: number;
  r2: number;
}

function cell(s: Stats, c: StrdCertified): string {
  const min = (a: number[], w: number[]): number => Math.min(...a.map((v, j) => lre(v, w[j])));
  return [min(s.b, c.b), min(s.se, c.se), lre(s.residualSD, c.residualSD), lre(s.r2, c.r2)].map((x) => x.toFixed(1)).join(' / ');
}

function engine(name: string, text: string, solver: Solver): Stats {
  const p = strdProblem(parseStrd(name, text));
  const r = regress(p.ds, { dependent: p.dependent, predictors: p.predictors, model: 'ols', se: 'classical', solver });
  const d = buildDesign(p.ds, { dependent: p.dependent, predictors: p.predictors });
  const ls = leastSquares(makeColumns(d.x, d.n), d.y, null, d.terms, solver);
  return { b: r.coefficients.map((c) => c.b), se: r.coefficients.map((c) => c.se), residualSD: Math.sqrt(ls.rss / r.df), r2: r.r2 as number };
}

console.log('| dataset | limit (exact, our input) | engine auto | engine normal | R lm |');
console.log('|---|---|---|---|---|');
for (const name of NAMES) {
  const text = readFileSync(join(here, `${name}.dat`), 'utf8');
  const f = parseStrd(name, text);
  const p = strdProblem(f);
  const limit = exactOls(p.exactStored.y, p.exactStored.xs);
  const r = rLm.fits[name];
  const rCell = r.dropped.length > 0 ? `drops ${r.dropped.join(', ')}` : cell({ b: r.b as number[], se: r.se as number[], residualSD: r.residualSD, r2: r.r2 }, f.certified);
  console.log(`| ${name} | ${cell(limit, f.certified)} | ${cell(engine(name, text, 'auto'), f.certified)} | ${cell(engine(name, text, 'normal'), f.certified)} | ${rCell} |`);
}
