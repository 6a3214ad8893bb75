import { describe, expect, it } from 'vitest';
import type { SavedBook } from '../../shared/api/books';
import { newBookSpec } from './draft';
import { isDirty, openSaved, stableKey, syncWithStore } from './open-book';

const spec = { ...newBookSpec('Boek', 'demo'), questions: ['a'] };
const stored = (over: Partial<SavedBook> = {}): SavedBook => ({ id: 1, name: 'Boek', folder: '', updatedAt: '', spec, ...over });

describe('the open book and the store', () => {
  it('does not count a field switched off and on again as a change', () => {
    const open = openSaved({ ...stored(), spec });
    // Keys in another order, and a field set back to absent: the same book.
    const reordered = { ...(Object.fromEntries(Object.entries(spec).reverse()) as typeof spec), trend: undefined };
    expect(isDirty({ ...open, spec: reordered })).toBe(false);
    expect(stableKey({ b: 1, a: { d: 2, c: 3 } })).toBe(stableKey({ a: { c: 3, d: 2 }, b: 1 }));
    expect(isDirty({ ...open, spec: { ...spec, title: 'Ander' } })).toBe(true);
  });

  it('follows undo when untouched, keeps edits when not, and lets a deleted book go', () => {
    const open = openSaved({ ...stored(), spec });
    const undone = { ...spec, questions: ['a', 'b'] };
    expect(syncWithStore(open, [stored()])).toEqual({ open, event: null });
    const followed = syncWithStore(open, [stored({ spec: undone })]);
    expect(followed.event).toBe('reloaded');
    expect(followed.open?.spec.questions).toEqual(['a', 'b']);
    const edited = { ...open, spec: { ...spec, title: 'Mijn titel' } };
    const kept = syncWithStore(edited, [stored({ spec: undone, name: 'Hernoemd' })]);
    expect(kept.open).toMatchObject({ name: 'Hernoemd', spec: { title: 'Mijn titel', questions: ['a'] } });
    expect(isDirty(kept.open!)).toBe(true);
    expect(syncWithStore(open, [])).toEqual({ open: null, event: 'gone' });
    expect(syncWithStore(edited, [])).toMatchObject({ open: { id: null, saved: null }, event: 'gone' });
  });
});
