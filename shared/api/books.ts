/**
 * The project's tabellenboeken: saved book specifications (shared/book/book.ts) by name and folder,
 * a preview of any question exactly as it will be written, and the check of a book against another
 * dataset before it is run there. Running a book is `export.book` (shared/api/exports.ts).
 */
import { z } from 'zod';
import { call } from './contract';
import { bookSpec, type BookSpec } from '../book/book';
import type { BookProblem } from '../book/check';
import type { BookPreview } from '../book/preview';

const dataset = z.string().min(1).max(256);

export interface SavedBook {
  id: number;
  name: string;
  folder: string;
  updatedAt: string;
  /** The specification, upgraded to the current version; null when the stored one no longer validates. */
  spec: BookSpec | null;
  /** Why the stored specification does not validate (with the JSON path). */
  invalid?: string;
}

export const booksSection = {
  'book.list': call<SavedBook[]>()(z.object({})),
  /** Create (no id) or update a book; undoable, audited. `snapshot`: record the dataset's labels as `expected`. */
  'book.save': call<SavedBook>()(
    z.object({
      id: z.number().int().positive().optional(),
      name: z.string().trim().min(1).max(200),
      folder: z.string().trim().max(200).default(''),
      spec: bookSpec,
      snapshot: z.string().min(1).max(256).optional(),
    }),
  ),
  'book.delete': call<null>()(z.object({ id: z.number().int().positive() })),
  /** Every question's verdict under the book-level rules, and one question's table as it will be written. */
  'book.preview': call<BookPreview>()(z.object({ dataset, spec: bookSpec, question: z.string().min(1).max(256).optional() })),
  /** What no longer matches when the book runs on `dataset`: missing variables, changed labels, lost categories. */
  'book.check': call<BookProblem[]>()(z.object({ dataset, spec: bookSpec })),
  /** A book specification as JSON text (the file `duiding book --spec` reads), or the errors with their JSON paths. */
  /** The house styles a book can name (`style`): the built-in ones. */
  'book.styles': call<string[]>()(z.object({})),
  'book.parse': call<{ ok: true; spec: BookSpec } | { ok: false; issues: { path: string; message: string }[] }>()(
    z.object({ text: z.string().max(5_000_000) }),
  ),
};
