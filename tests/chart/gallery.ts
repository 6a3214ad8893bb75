/**
 * Renders the demo charts to a folder for a designer's eye: `npx tsx tests/chart/gallery.ts /tmp/charts`.
 * Not a test; the structural checks live in the *.test.ts files beside it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '../../resources/demo/generate';
import { runChart, type RunChartOptions } from '../../electron/export/chart';

const out = process.argv[2] ?? '/tmp/duiding-charts';
mkdirSync(out, { recursive: true });
const ds = generateDemo();

const charts: (Omit<RunChartOptions, 'out'> & { file: string })[] = [
  {
    file: 'vertrouwen-gemeente-likert.png',
    rows: 'vertrouwen',
    cols: 'gemeente',
    weight: 'gewicht',
    type: 'bar-100',
    spec: { source: 'Burgerpanel Groningen 2024–2025 (demo)', sort: 'value-desc' },
  },
  {
    file: 'gezondheid-geslacht-grouped.png',
    rows: 'gezondheid',
    cols: 'geslacht',
    weight: 'gewicht',
    type: 'bar',
    spec: { source: 'Burgerpanel Groningen (demo)' },
  },
  {
    file: 'zorgen-gemeente-stacked-vertical.png',
    rows: 'zorgen_schade',
    cols: 'gemeente',
    weight: 'gewicht',
    type: 'bar-100',
    spec: { orientation: 'vertical' },
  },
  { file: 'eenzaamheid-golf-line.png', rows: 'eenzaamheid', cols: 'golf', weight: 'gewicht', type: 'line', spec: { decimals: 1 } },
  {
    file: 'vertrouwen-gemeente-dot.png',
    rows: 'vertrouwen',
    cols: 'gemeente',
    weight: 'gewicht',
    type: 'dot',
    spec: { focus: [4], sort: 'value-desc', title: 'Veel vertrouwen in het gemeentebestuur', decimals: 1 },
  },
  { file: 'gezondheid-gemeente-multiples.png', rows: 'gezondheid', cols: 'gemeente', weight: 'gewicht', type: 'bar', spec: { multiples: true }, heightMm: 150 },
  { file: 'opleiding-golf-stacked-counts.png', rows: 'opleiding', cols: 'golf', type: 'bar-stacked', spec: { value: 'count' } },
  { file: 'gezondheid-golf-vertical.png', rows: 'gezondheid', cols: 'golf', weight: 'gewicht', type: 'bar', spec: { orientation: 'vertical' } },
  { file: 'financien-geslacht-dot.png', rows: 'financien', cols: 'geslacht', weight: 'gewicht', type: 'dot', spec: { focus: [1, 2, 5], decimals: 1 } },
  {
    file: 'leefbaarheid-rank.png',
    rows: 'vertrouwen',
    cols: 'gemeente',
    weight: 'gewicht',
    type: 'bar',
    spec: { focus: [5], sort: 'value-desc', title: 'Zeer veel vertrouwen in het gemeentebestuur, per gemeente' },
  },
  { file: 'vertrouwen-gemeente-likert-en.svg', rows: 'vertrouwen', cols: 'gemeente', weight: 'gewicht', type: 'bar-100', locale: 'en' },
];

for (const c of charts) {
  const { file, ...opts } = c;
  const r = await runChart(ds, { ...opts, out: join(out, file) });
  console.log(`${file}: ${r.widthPx}×${r.heightPx}, suppressed ${r.suppressed}`);
}
