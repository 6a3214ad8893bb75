/**
 * Handlers for the project's tabellenboeken (shared/api/books.ts): saved as specifications of kind
 * 'book' (undoable, audited), previewed through the same compute the writer uses, and checked against
 * a dataset before a run.
 */
import type { SavedBook } from '../../shared/api/books';
import { BookSpecError, bookSpec, parseBookSpec, type BookSpec } from '../../shared/book/book';
import { checkBook, bookSnapshot } from '../../shared/book/check';
import { computeBook, type ComputedBook } from '../../shared/book/compute';
import { variableFolders } from '../../shared/book/folders';
import { previewBook } from '../../shared/book/preview';
import type { Dataset } from '../../shared/model/dataset';
import type { SavedSpec } from '../store/project-store';
import { HandlerError } from '../backend/context';
import type { AppContext, SectionHandlers } from '../backend/types';
import type { booksSection } from '../../shared/api/books';
import { projectOverrides } from './rules';
import { houseStyleNames } from '../export/book/style';
import { requestRules } from '../backend/request-rules';
import { resolveRules } from '../../shared/analysis/output-rules';
import { releasedFilters } from '../backend/releases';

const KIND = 'book';

function toSavedBook(s: SavedSpec): SavedBook {
  const parsed = bookSpec.safeParse(s.body);
  const base = { id: s.id, name: s.name, folder: s.folder, updatedAt: s.updatedAt };
  if (parsed.success) return { ...base, spec: parsed.data };
  return { ...base, spec: null, invalid: new BookSpecError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))).message };
}

/**
 * Computed books of the last few previews, by dataset object (a changed dataset is a new object) and
 * everything else that decides the tables; moving from question to question then costs no compute.
 */
const previews = new WeakMap<Dataset, Map<string, ComputedBook>>();
const KEEP = 4;

function computedFor(ctx: AppContext, ds: Dataset, spec: BookSpec): ComputedBook {
  // The reason is checked on every preview; it is logged once per book and rule set computed, not on every edit.
  const ruleSet = resolveRules(spec.ruleSet, ctx.session.ruleSet(), spec.rulesReason).ruleSet;
  const overrides = projectOverrides(ctx.session);
  const releases = ctx.session.isOpen() ? ctx.session.store().releases().size() : 0;
  const key = JSON.stringify({ spec, ruleSet, overrides: overrides.map((o) => o.id), releases });
  let byKey = previews.get(ds);
  if (!byKey) previews.set(ds, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  requestRules(ctx, 'book.preview', spec.ruleSet, spec.rulesReason, { title: spec.title });
  const computed = computeBook(ds, spec, { ruleSet, overrides, folders: variableFolders(ds), released: releasedFilters(ctx, ds.name, spec.banner) });
  byKey.set(key, computed);
  if (byKey.size > KEEP) byKey.delete(byKey.keys().next().value!);
  return computed;
}

export const bookHandlers: SectionHandlers<typeof booksSection> = {
  'book.list': async (_req, { session }) => session.store().listSpecs(KIND).map(toSavedBook),
  'book.save': async ({ id, name, folder, spec, snapshot }, ctx) => {
    const store = ctx.session.store();
    const clash = store.listSpecs(KIND).find((b) => b.name === name && b.folder === folder && b.id !== id);
    if (clash) throw new HandlerError('name-taken', `There is already a book named "${name}"${folder ? ` in ${folder}` : ''}`);
    let body: BookSpec = spec;
    if (snapshot) {
      const ds = ctx.session.dataset(snapshot);
      body = { ...spec, expected: bookSnapshot(ds, spec, variableFolders(ds)) };
    }
    const saved = store.saveSpec({ id, kind: KIND, name, folder, body }, true);
    ctx.emit('project.changed', { reason: 'book' });
    return toSavedBook(saved);
  },
  'book.delete': async ({ id }, ctx) => {
    ctx.session.store().deleteSpec(id, true);
    ctx.emit('project.changed', { reason: 'book' });
    return null;
  },
  'book.preview': async ({ dataset, spec, question }, ctx) => {
    const ds = ctx.session.dataset(dataset);
    return previewBook(computedFor(ctx, ds, spec), spec, question);
  },
  'book.check': async ({ dataset, spec }, { session }) => {
    const ds = session.dataset(dataset);
    return checkBook(ds, spec, variableFolders(ds));
  },
  'book.styles': async () => houseStyleNames(),
  'book.parse': async ({ text }) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { ok: false as const, issues: [{ path: '', message: `not JSON: ${(e as Error).message}` }] };
    }
    try {
      return { ok: true as const, spec: parseBookSpec(json) };
    } catch (e) {
      if (e instanceof BookSpecError) return { ok: false as const, issues: e.issues };
      throw e;
    }
  },
};
