import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectStore } from './project-store';

describe('recipes', () => {
  it('keeps one recipe per dataset and target, audited, and outlives a replaced dataset', () => {
    const store = ProjectStore.create(join(mkdtempSync(join(tmpdir(), 'duiding-recipes-')), 'p.duiding'));
    try {
      const recipes = store.recipes();
      recipes.put({ dataset: 'golf2025', target: 'wgt', kind: 'weight', body: { method: 'rake' } });
      recipes.put({ dataset: 'golf2025', target: 'wgt', kind: 'weight', body: { method: 'linear' } });
      recipes.put({ dataset: 'golf2025', target: '$isolatie', kind: 'mrset', body: { variables: ['a', 'b'] } });
      expect(recipes.list({ dataset: 'golf2025' }).map((r) => [r.target, r.body])).toEqual([
        ['wgt', { method: 'linear' }],
        ['$isolatie', { variables: ['a', 'b'] }],
      ]);
      expect(recipes.list({ kind: 'mrset' })).toHaveLength(1);
      expect(recipes.get('golf2025', 'wgt')?.kind).toBe('weight');
      expect(recipes.remove('golf2025', 'wgt')).toBe(true);
      expect(recipes.remove('golf2025', 'wgt')).toBe(false);
      expect(store.auditEntries().map((e) => e.action)).toEqual(['recipe.remove', 'recipe.put', 'recipe.put', 'recipe.put', 'project.create']);
    } finally {
      store.close();
    }
  });
});
