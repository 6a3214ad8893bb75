/**
 * Exports: the tabellenboek (a long job with progress) and single tables as CSV, HTML, tab-separated
 * text or clipboard payload. Both run the same engine and output rules as every other result.
 */
import { z } from 'zod';
import { call } from './contract';
import { bannerRequest } from './analysis';
import { layersRequest } from './layers';
import { bookSpec, symbolsSpec, testsSpec } from '../book/book';

const dataset = z.string().min(1).max(256);
/** A path the backend got from a save dialog (the renderer never invents paths). */
const outPath = z.string().min(1).max(4096);

export const exportBookRequest = z.object({ dataset, spec: bookSpec, out: outPath });

/** The banner request of analysis.banner, plus how to render it. */
export const exportTableRequest = bannerRequest.omit({ means: true, tests: true }).extend({
  tests: testsSpec.optional(),
  format: z.enum(['csv', 'html', 'tsv', 'clipboard']),
  /** Language of texts and numbers; for CSV also the dialect ('nl' = `;` + decimal comma). */
  language: z.enum(['nl', 'en']).default('nl'),
  decimals: z.number().int().min(0).max(4).default(1),
  symbols: symbolsSpec.optional(),
  title: z.string().max(500).optional(),
  source: z.string().max(1000).optional(),
  /** Write the text to this file (atomically) instead of only returning it; not for 'clipboard'. */
  out: outPath.optional(),
});

/**
 * The request of analysis.layers, plus how to render it: every layer and the total over the layers
 * (or the note that it is withheld), with the statistics the table builder shows.
 */
export const exportLayersRequest = layersRequest.extend({
  format: z.enum(['csv', 'html', 'tsv', 'clipboard']),
  language: z.enum(['nl', 'en']).default('nl'),
  stats: z
    .object({ colPct: z.boolean().default(true), counts: z.boolean().default(false), weighted: z.boolean().default(false), base: z.boolean().default(true) })
    .default({ colPct: true, counts: false, weighted: false, base: true }),
  /** "Row × column" as the screen shows it; default the variable labels. */
  pair: z.string().max(1000).optional(),
  title: z.string().max(500).optional(),
  out: outPath.optional(),
});

export interface ExportedTableStatus {
  variable: string;
  status: 'safe' | 'suppressed' | 'blocked';
  reason?: string;
  suppressedCells: number;
}

export interface ExportTableResult {
  text: string;
  /** Clipboard: the HTML flavour. */
  html?: string;
  /** Set when written to `out`. */
  path?: string;
  tables: ExportedTableStatus[];
}

export const exportsSection = {
  /** Starts a job; `job.done` carries the BookReport (shared/book/book.ts). */
  'export.book': call<{ jobId: string }>()(exportBookRequest),
  'export.table': call<ExportTableResult>()(exportTableRequest),
  /** A layered crosstab as analysis.layers returns it (output rules applied), as CSV/HTML/TSV/clipboard. */
  'export.layers': call<ExportTableResult>()(exportLayersRequest),
};
