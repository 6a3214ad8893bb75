/**
 * Recipes: how a derived thing of a dataset was made (a weight from population targets, a
 * multiple-response set, a recode), kept by dataset and target name so the next wave can be given the
 * same thing ("Weging opnieuw", a set that survives re-import). Rows outlive the dataset they were made
 * on: replacing a dataset by its next wave keeps them. `body` is the recipe's own JSON, validated by the
 * zod schema of its kind where it is read. Each change is one transaction with its audit entry.
 */
import type Database from 'better-sqlite3';

export type RecipeKind = 'recode' | 'compute' | 'weight' | 'mrset';

export interface RecipeRecord {
  id: number;
  dataset: string;
  target: string;
  kind: RecipeKind;
  body: unknown;
  createdAt: string;
}

interface Row {
  id: number;
  dataset: string;
  target: string;
  kind: RecipeKind;
  body: string;
  created_at: string;
}

const fromRow = (r: Row): RecipeRecord => ({ id: r.id, dataset: r.dataset, target: r.target, kind: r.kind, body: JSON.parse(r.body), createdAt: r.created_at });

export class RecipeStore {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: (action: string, detail: unknown) => void,
    private readonly now: () => string,
  ) {}

  /** All recipes, or those of one dataset and/or kind, oldest first. */
  list(filter: { dataset?: string; kind?: RecipeKind } = {}): RecipeRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM recipes WHERE (? IS NULL OR dataset = ?) AND (? IS NULL OR kind = ?) ORDER BY id')
      .all(filter.dataset ?? null, filter.dataset ?? null, filter.kind ?? null, filter.kind ?? null) as Row[];
    return rows.map(fromRow);
  }

  get(dataset: string, target: string): RecipeRecord | null {
    const row = this.db.prepare('SELECT * FROM recipes WHERE dataset = ? AND target = ?').get(dataset, target) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Records (or replaces) the recipe of `target` in `dataset`. */
  put(r: { dataset: string; target: string; kind: RecipeKind; body: unknown }): RecipeRecord {
    return this.db.transaction(() => {
      const createdAt = this.now();
      this.db.prepare('DELETE FROM recipes WHERE dataset = ? AND target = ?').run(r.dataset, r.target);
      const id = Number(
        this.db
          .prepare('INSERT INTO recipes (dataset, target, kind, body, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(r.dataset, r.target, r.kind, JSON.stringify(r.body), createdAt).lastInsertRowid,
      );
      this.audit('recipe.put', { id, dataset: r.dataset, target: r.target, kind: r.kind });
      return { id, ...r, createdAt };
    })();
  }

  remove(dataset: string, target: string): boolean {
    return this.db.transaction(() => {
      const res = this.db.prepare('DELETE FROM recipes WHERE dataset = ? AND target = ?').run(dataset, target);
      if (res.changes > 0) this.audit('recipe.remove', { dataset, target });
      return res.changes > 0;
    })();
  }
}
