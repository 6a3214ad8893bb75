/**
 * The book open in the editor: its saved identity (id, name, folder), the draft being edited and what
 * was last saved, so the view knows whether there is anything to save and can follow undo and redo.
 */
import type { SavedBook } from '../../shared/api/books';
import type { BookSpec } from '../../shared/book/book';

export interface OpenBook {
  /** null: not saved yet (new, imported or duplicated). */
  id: number | null;
  name: string;
  folder: string;
  spec: BookSpec;
  /** stableKey of the spec as stored; null when never saved. */
  saved: string | null;
}

/** JSON with object keys sorted, so a field switched off and on again does not count as a change. */
export function stableKey(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

export function isDirty(open: OpenBook): boolean {
  return open.saved === null || stableKey(open.spec) !== open.saved;
}

export function openSaved(b: SavedBook & { spec: BookSpec }): OpenBook {
  return { id: b.id, name: b.name, folder: b.folder, spec: b.spec, saved: stableKey(b.spec) };
}

export type SyncEvent = 'gone' | 'reloaded' | null;

/**
 * The open book after the store changed (a save elsewhere, undo, redo): an untouched draft follows the
 * store; a draft with edits keeps them (and shows them as unsaved); a book that is gone stays open as
 * an unsaved draft when it has edits, and closes otherwise.
 */
export function syncWithStore(open: OpenBook, books: SavedBook[]): { open: OpenBook | null; event: SyncEvent } {
  if (open.id === null) return { open, event: null };
  const stored = books.find((b) => b.id === open.id);
  if (!stored || !stored.spec) return isDirty(open) ? { open: { ...open, id: null, saved: null }, event: 'gone' } : { open: null, event: 'gone' };
  const key = stableKey(stored.spec);
  const same = key === open.saved && stored.name === open.name && stored.folder === open.folder;
  if (same) return { open, event: null };
  if (!isDirty(open)) return { open: openSaved({ ...stored, spec: stored.spec }), event: 'reloaded' };
  return { open: { ...open, name: stored.name, folder: stored.folder, saved: key }, event: null };
}
