/**
 * Multiple-response sets of a stored dataset: kept in the dataset's info JSON (`mrSets`, in definition
 * order, as the .sav record keeps them) and, beside it, as a recipe of kind 'mrset' so that the set is
 * given back to the next wave of the same dataset (see reapplyMrSetRecipes). Every change is one
 * transaction with its audit entry and one undo step; undo and redo restore the recipe with the set.
 */
import type Database from 'better-sqlite3';
import { checkMrSet, mrSetIssueText, mrSetSchema, type MrSetIssue, type MultipleResponseSet } from '../../shared/model/mr-set';
import type { DatasetInfo, VariableMeta } from '../../shared/model/dataset';
import type { RecipeStore } from './recipes';
import { DuidingError } from '../../shared/errors';

/** Removes the set named `remove` (if any) and puts `put` (if any) at `index` (default: where it was, else last). */
export interface MrSetOp {
  kind: 'mrset';
  dataset: string;
  remove: string | null;
  put: MultipleResponseSet | null;
  index?: number;
}

export class MrSetError extends DuidingError {
  constructor(message: string) {
    super('invalid', message);
    this.name = 'MrSetError';
  }
}

interface Deps {
  audit: (action: string, detail: unknown) => void;
  recipes: () => RecipeStore;
  /** Records one undo step (inside the caller's transaction). */
  record: (label: string, undo: MrSetOp, redo: MrSetOp) => void;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class MrSetStore {
  constructor(
    private readonly db: Database.Database,
    private readonly deps: Deps,
  ) {}

  private row(dataset: string): { id: number; info: Pick<DatasetInfo, 'mrSets'> & Record<string, unknown> } {
    const r = this.db.prepare('SELECT id, info FROM datasets WHERE name = ?').get(dataset) as { id: number; info: string } | undefined;
    if (!r) throw new MrSetError(`The project has no dataset named "${dataset}"`);
    const info = JSON.parse(r.info) as Pick<DatasetInfo, 'mrSets'> & Record<string, unknown>;
    return { id: r.id, info: { ...info, mrSets: info.mrSets ?? [] } };
  }

  private variables(id: number): VariableMeta[] {
    return (this.db.prepare('SELECT meta FROM variables WHERE dataset_id = ? ORDER BY position').all(id) as { meta: string }[]).map(
      (r) => JSON.parse(r.meta) as VariableMeta,
    );
  }

  list(dataset: string): MultipleResponseSet[] {
    return this.row(dataset).info.mrSets;
  }

  /**
   * Defines a set, or replaces the set named `replaces` (an edit, possibly renaming it). Refuses a set
   * that fails the schema or the check against the dataset; returns the check's warnings.
   */
  save(dataset: string, input: unknown, replaces?: string): { set: MultipleResponseSet; warnings: MrSetIssue[] } {
    const parsed = mrSetSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MrSetError(`Invalid multiple-response set${issue?.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue?.message ?? 'malformed'}`);
    }
    const set = parsed.data;
    return this.db.transaction(() => {
      const { id, info } = this.row(dataset);
      const variables = this.variables(id);
      // Member names are stored as the dataset spells them, so the .sav writer and the engine find them.
      const canonical: MultipleResponseSet = {
        ...set,
        variables: set.variables.map((n) => variables.find((v) => same(v.name, n))?.name ?? n),
      };
      const index = replaces === undefined ? -1 : info.mrSets.findIndex((s) => same(s.name, replaces));
      if (replaces !== undefined && index < 0) throw new MrSetError(`Dataset "${dataset}" has no set named ${replaces}`);
      const others = info.mrSets.filter((_s, k) => k !== index);
      const check = checkMrSet(canonical, variables, others);
      if (check.errors.length > 0) throw new MrSetError(`${canonical.name}: ${check.errors.map(mrSetIssueText).join('; ')}`);
      const before = index >= 0 ? info.mrSets[index] : null;
      const redo: MrSetOp = { kind: 'mrset', dataset, remove: before?.name ?? null, put: canonical, index: index >= 0 ? index : info.mrSets.length };
      const undo: MrSetOp = { kind: 'mrset', dataset, remove: canonical.name, put: before, index };
      this.apply(redo);
      this.deps.record(before ? `${before.name}: set edit` : `${canonical.name}: set define`, undo, redo);
      this.deps.audit(before ? 'mrset.update' : 'mrset.define', { dataset, set: canonical, ...(before ? { before } : {}) });
      return { set: canonical, warnings: check.warnings };
    })();
  }

  remove(dataset: string, name: string): void {
    this.db.transaction(() => {
      const { info } = this.row(dataset);
      const index = info.mrSets.findIndex((s) => same(s.name, name));
      if (index < 0) throw new MrSetError(`Dataset "${dataset}" has no set named ${name}`);
      const before = info.mrSets[index];
      const redo: MrSetOp = { kind: 'mrset', dataset, remove: before.name, put: null };
      const undo: MrSetOp = { kind: 'mrset', dataset, remove: null, put: before, index };
      this.apply(redo);
      this.deps.record(`${before.name}: set delete`, undo, redo);
      this.deps.audit('mrset.delete', { dataset, set: before });
    })();
  }

  /** Applies an operation to the info JSON and the recipes (for save, remove, undo and redo). */
  apply(op: MrSetOp): void {
    const { id, info } = this.row(op.dataset);
    const sets = [...info.mrSets];
    let at = op.index ?? -1;
    if (op.remove !== null) {
      const k = sets.findIndex((s) => same(s.name, op.remove!));
      if (k >= 0) {
        sets.splice(k, 1);
        if (op.index === undefined) at = k;
      }
    }
    if (op.put !== null) sets.splice(at < 0 || at > sets.length ? sets.length : at, 0, op.put);
    this.db.prepare('UPDATE datasets SET info = ? WHERE id = ?').run(JSON.stringify({ ...info, mrSets: sets }), id);
    const recipes = this.deps.recipes();
    if (op.remove !== null && (op.put === null || !same(op.put.name, op.remove))) recipes.remove(op.dataset, op.remove);
    if (op.put !== null) recipes.put({ dataset: op.dataset, target: op.put.name, kind: 'mrset', body: op.put });
  }

  /** Operations that rename a member variable in every set holding it (a variable rename carries its sets). */
  renameMember(dataset: string, from: string, to: string): { undo: MrSetOp[]; redo: MrSetOp[] } {
    const { info } = this.row(dataset);
    const undo: MrSetOp[] = [];
    const redo: MrSetOp[] = [];
    info.mrSets.forEach((s, index) => {
      if (!s.variables.some((v) => same(v, from))) return;
      const renamed = { ...s, variables: s.variables.map((v) => (same(v, from) ? to : v)) };
      redo.push({ kind: 'mrset', dataset, remove: s.name, put: renamed, index });
      undo.push({ kind: 'mrset', dataset, remove: s.name, put: s, index });
    });
    return { undo, redo };
  }
}
