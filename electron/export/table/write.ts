/** Thin file writers for single-table exports: the text comes from renderTables, the file is atomic. */
import type { Dataset } from '../../../shared/model/dataset';
import type { BookSpec } from '../../../shared/book/book';
import { writeFileAtomic } from '../atomic-write';
import { type RenderOptions, type RenderedTables, renderTables } from './render';

export async function writeTableFile(
  ds: Dataset,
  spec: BookSpec,
  format: 'csv' | 'html' | 'tsv',
  outPath: string,
  opts: RenderOptions,
): Promise<RenderedTables & { path: string }> {
  const rendered = renderTables(ds, spec, format, opts);
  await writeFileAtomic(outPath, rendered.text);
  return { ...rendered, path: outPath };
}
