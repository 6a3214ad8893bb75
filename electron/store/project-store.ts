/**
 * A Duiding project: one SQLite file holding datasets (column-wise typed-array chunks), metadata, saved
 * specifications, settings, an append-only audit log and the undo history. Every change is one
 * transaction, so a failure part-way leaves the file exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, linkSync, openSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Column, Dataset, DatasetInfo, VariableMeta } from '../../shared/model/dataset';
import type { AuditEntry, DatasetSummary, VariablePatch } from '../../shared/api/project';
import type { SavedSpecInfo } from '../../shared/api/specs';
import { allocate, encodeChunks, placeChunk, storageName, type StorageName } from './column-codec';
import { loadMigrations, migrate, NewerProjectError } from './migrate';
import { appendAudit, auditHead, type AuditHead, type AuditVerification, registerAuditFunctions, verifyAuditChain } from './audit-chain';
import { MrSetStore, type MrSetOp } from './mrsets';
import { OverrideStore } from './overrides';
import { RecipeStore, type RecipeKind } from './recipes';
import { ReleaseRegister } from './release-register';
import { ProjectError } from './project-error';
import { VariableStash } from './stash';

/** 'DUID' — marks a SQLite file as a Duiding project. */
export const APPLICATION_ID = 0x44554944;

export { ProjectError } from './project-error';

export interface SourceInfo {
  name: string;
  size: number;
  sha256: string;
}

/** A saved specification as the contract describes it. */
export type SavedSpec = SavedSpecInfo;

/** The recipe a variable has after a history step (null: none). */
type RecipeState = { kind: RecipeKind; body: unknown } | null;

/**
 * One undoable step: a variable's metadata, a saved specification (absent = does not exist), a
 * multiple-response set, a whole variable swapped with the stash (added, replaced or taken out, with
 * its recipe), or several in order.
 */
type HistoryOp =
  | {
      kind: 'variable';
      dataset: string;
      /** Name of the variable before the operation is applied. */
      variable: string;
      meta: VariableMeta;
    }
  | { kind: 'spec'; id: number; spec: SavedSpec | null }
  | MrSetOp
  | { kind: 'batch'; ops: HistoryOp[] }
  | {
      /** Take `variable` out of the dataset (into the stash), put stash entry `stashIn` (if any) in its place. */
      kind: 'swap';
      dataset: string;
      variable: string;
      stashIn: number | null;
      recipe: RecipeState;
    };

export function migrationsDir(): string {
  if (process.env.DUIDING_MIGRATIONS) return process.env.DUIDING_MIGRATIONS;
  const here = dirname(fileURLToPath(import.meta.url));
  // Source tree (electron/store), the Electron build (dist/electron/migrations), the CLI bundle (dist/cli).
  const candidates = [join(here, 'migrations'), join(here, 'store', 'migrations'), join(here, '..', '..', 'electron', 'store', 'migrations')];
  return candidates.find((d) => existsSync(d)) ?? candidates[1];
}

const now = () => new Date().toISOString();

/** Project files (and SQLite's -wal/-shm beside them, which take the file's mode) are the user's alone. */
const PROJECT_MODE = 0o600;

function isEmptyFile(path: string): boolean {
  try {
    const st = statSync(path);
    return st.isFile() && st.size === 0;
  } catch {
    return false;
  }
}

/** A 0-byte file where a project should be: what an interrupted create of an older Duiding left. */
function emptyProjectError(path: string): ProjectError {
  return new ProjectError(
    'empty-project',
    `${path} is an empty file, not a project (probably left by an interrupted create); it can be replaced by a new project`,
  );
}

function removeDatabaseFiles(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true });
}

/** Opens a connection with what every connection needs (the audit chain's SQL function). */
function connect(path: string, options?: Database.Options): Database.Database {
  const db = new Database(path, options);
  registerAuditFunctions(db);
  return db;
}

export interface CreateOptions {
  /** Replace a 0-byte file at the path (ProjectError 'empty-project' otherwise); never any other file. */
  replaceEmpty?: boolean;
}

export class ProjectStore {
  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {}

  /**
   * Creates a project atomically: it is made complete (schema, first audit entry) under a temporary
   * name beside `path`, readable by the user only, and then linked into place, which fails rather than
   * overwrite a file that appeared meanwhile. A crash leaves at most a hidden temporary file, never a
   * 0-byte project that every later open refuses.
   */
  static create(path: string, options: CreateOptions = {}): ProjectStore {
    const replacing = existsSync(path) && isEmptyFile(path);
    if (existsSync(path) && !replacing) throw new ProjectError('exists', `${path} already exists; open it instead of creating it`);
    if (replacing && !options.replaceEmpty) throw emptyProjectError(path);
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      closeSync(openSync(tmp, 'wx', PROJECT_MODE));
      const db = connect(tmp);
      try {
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        migrate(db, loadMigrations(migrationsDir()));
        db.transaction(() => {
          db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('created_at', now());
          db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('app', 'duiding');
          appendAudit(db, now(), 'project.create', JSON.stringify({ path, ...(replacing ? { replacedEmptyFile: true } : {}) }));
        })();
      } finally {
        // Closing the last connection checkpoints the WAL into the file and removes -wal and -shm.
        db.close();
      }
      ProjectStore.moveIntoPlace(tmp, path, replacing);
    } catch (e) {
      removeDatabaseFiles(tmp);
      throw e;
    }
    return ProjectStore.open(path);
  }

  private static moveIntoPlace(tmp: string, path: string, replacingEmpty: boolean): void {
    if (replacingEmpty) {
      // Only ever over the empty file the user agreed to replace.
      if (!isEmptyFile(path)) throw new ProjectError('exists', `${path} is no longer empty; not replaced`);
      renameSync(tmp, path);
      return;
    }
    try {
      linkSync(tmp, path);
      unlinkSync(tmp);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new ProjectError('exists', `${path} already exists; open it instead of creating it`);
      // File systems without hard links (FAT, some network shares): check, then rename.
      if (existsSync(path)) throw new ProjectError('exists', `${path} already exists; open it instead of creating it`);
      renameSync(tmp, path);
    }
  }

  /** Opens (and if needed upgrades) a project; anything that is not one gives a clear ProjectError. */
  static open(path: string, options: { migrateUpTo?: number } = {}): ProjectStore {
    const db = ProjectStore.connectProject(path, {});
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      migrate(db, loadMigrations(migrationsDir()), options.migrateUpTo);
    } catch (e) {
      db.close();
      if (e instanceof NewerProjectError) throw new ProjectError('newer', e.message);
      throw e;
    }
    return new ProjectStore(path, db);
  }

  /** A connection to an existing project file; anything that is not one gives a clear ProjectError. */
  private static connectProject(path: string, options: { readonly?: boolean }): Database.Database {
    if (!existsSync(path)) throw new ProjectError('not-found', `${path} does not exist`);
    if (isEmptyFile(path)) throw emptyProjectError(path);
    let db: Database.Database;
    try {
      db = connect(path, { ...options, fileMustExist: true });
    } catch (e) {
      throw new ProjectError('not-a-project', `${path} is not a Duiding project (${(e as Error).message})`);
    }
    let id: number;
    try {
      id = db.pragma('application_id', { simple: true }) as number;
    } catch (e) {
      db.close();
      throw new ProjectError('not-a-project', `${path} is not a Duiding project (${(e as Error).message})`);
    }
    if (id !== APPLICATION_ID) {
      db.close();
      throw new ProjectError('not-a-project', `${path} is an SQLite database but not a Duiding project`);
    }
    return db;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  // ---- datasets -------------------------------------------------------------------------------

  listDatasets(): DatasetSummary[] {
    const rows = this.db
      .prepare(
        `SELECT d.name, d.rows, d.source_name, d.imported_at, (SELECT COUNT(*) FROM variables v WHERE v.dataset_id = d.id) AS nvars
         FROM datasets d ORDER BY d.name`,
      )
      .all() as { name: string; rows: number; source_name: string | null; imported_at: string; nvars: number }[];
    return rows.map((r) => ({ name: r.name, rows: r.rows, variables: r.nvars, source: r.source_name, importedAt: r.imported_at }));
  }

  hasDataset(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM datasets WHERE name = ?').get(name) !== undefined;
  }

  private datasetId(name: string): number {
    const row = this.db.prepare('SELECT id FROM datasets WHERE name = ?').get(name) as { id: number } | undefined;
    if (!row) throw new ProjectError('unknown-dataset', `The project has no dataset named "${name}"`);
    return row.id;
  }

  datasetInfo(name: string): DatasetInfo {
    const d = this.db.prepare('SELECT id, rows, info FROM datasets WHERE name = ?').get(name) as { id: number; rows: number; info: string } | undefined;
    if (!d) throw new ProjectError('unknown-dataset', `The project has no dataset named "${name}"`);
    const info = JSON.parse(d.info) as Pick<DatasetInfo, 'weight' | 'fileLabel' | 'documents' | 'mrSets'>;
    const variables = (this.db.prepare('SELECT meta FROM variables WHERE dataset_id = ? ORDER BY position').all(d.id) as { meta: string }[]).map(
      (r) => JSON.parse(r.meta) as VariableMeta,
    );
    return { name, rows: d.rows, variables, ...info };
  }

  loadDataset(name: string): Dataset {
    const info = this.datasetInfo(name);
    const id = this.datasetId(name);
    const chunkStmt = this.db.prepare('SELECT chunk, storage, data FROM column_chunks WHERE dataset_id = ? AND position = ? ORDER BY chunk');
    const dictStmt = this.db.prepare('SELECT dict FROM string_dicts WHERE dataset_id = ? AND position = ?');
    const columns: Column[] = info.variables.map((v, position) => {
      let target: ReturnType<typeof allocate> | null = null;
      let storage: StorageName | null = null;
      for (const row of chunkStmt.iterate(id, position) as Iterable<{ chunk: number; storage: StorageName; data: Buffer }>) {
        if (!target) {
          storage = row.storage;
          target = allocate(row.storage, info.rows);
        }
        placeChunk(target, row.chunk, row.data);
      }
      if (!target || !storage) target = allocate(v.type === 'string' ? 'strcodes' : 'float64', info.rows);
      if (v.type === 'string') {
        const dict = dictStmt.get(id, position) as { dict: string } | undefined;
        return { kind: 'string', codes: target as Int32Array, dict: dict ? (JSON.parse(dict.dict) as string[]) : [''] };
      }
      return { kind: 'numeric', data: target as Exclude<typeof target, null> };
    });
    return { ...info, columns };
  }

  /** Stores a whole dataset in one transaction (replacing one of the same name when asked). */
  /** `detail`: more for the audit entry (e.g. which set recipes an import applied). */
  saveDataset(ds: Dataset, options: { source?: SourceInfo; replace?: boolean; action?: string; detail?: Record<string, unknown> } = {}): void {
    if (ds.columns.length !== ds.variables.length) throw new ProjectError('invalid', 'Dataset has a different number of columns and variables');
    this.db.transaction(() => {
      if (this.hasDataset(ds.name)) {
        if (!options.replace) throw new ProjectError('exists', `The project already has a dataset named "${ds.name}"`);
        this.db.prepare('DELETE FROM datasets WHERE name = ?').run(ds.name);
      }
      const info = JSON.stringify({ weight: ds.weight, fileLabel: ds.fileLabel, documents: ds.documents, mrSets: ds.mrSets });
      const id = Number(
        this.db
          .prepare('INSERT INTO datasets (name, rows, info, source_name, source_size, source_sha256, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(ds.name, ds.rows, info, options.source?.name ?? null, options.source?.size ?? null, options.source?.sha256 ?? null, now()).lastInsertRowid,
      );
      ds.variables.forEach((v, position) => this.writeColumn(id, position, v, ds.columns[position], ds.rows));
      this.audit(options.action ?? 'dataset.save', {
        dataset: ds.name,
        rows: ds.rows,
        variables: ds.variables.length,
        source: options.source ?? null,
        ...options.detail,
      });
    })();
  }

  private writeColumn(datasetId: number, position: number, v: VariableMeta, col: Column, rows: number): void {
    if ((col.kind === 'string') !== (v.type === 'string')) throw new ProjectError('invalid', `Column ${v.name} does not match its type`);
    this.db.prepare('INSERT INTO variables (dataset_id, position, name, meta) VALUES (?, ?, ?, ?)').run(datasetId, position, v.name, JSON.stringify(v));
    const insert = this.db.prepare('INSERT INTO column_chunks (dataset_id, position, chunk, storage, data) VALUES (?, ?, ?, ?, ?)');
    const storage = storageName(col);
    for (const [chunk, bytes] of encodeChunks(col, rows)) insert.run(datasetId, position, chunk, storage, bytes);
    if (col.kind === 'string') {
      this.db.prepare('INSERT INTO string_dicts (dataset_id, position, dict) VALUES (?, ?, ?)').run(datasetId, position, JSON.stringify(col.dict));
    }
  }

  /** Appends (or replaces) one variable of an existing dataset, e.g. a recoded variable. */
  putVariable(dataset: string, meta: VariableMeta, col: Column): void {
    this.db.transaction(() => {
      const id = this.datasetId(dataset);
      const rows = (this.db.prepare('SELECT rows FROM datasets WHERE id = ?').get(id) as { rows: number }).rows;
      const len = col.kind === 'string' ? col.codes.length : col.data.length;
      if (len !== rows) throw new ProjectError('invalid', `Variable ${meta.name} has ${len} values; the dataset has ${rows} rows`);
      const existing = this.db.prepare('SELECT position FROM variables WHERE dataset_id = ? AND name = ?').get(id, meta.name) as
        { position: number } | undefined;
      let position: number;
      if (existing) {
        position = existing.position;
        this.db.prepare('DELETE FROM variables WHERE dataset_id = ? AND position = ?').run(id, position);
        this.db.prepare('DELETE FROM column_chunks WHERE dataset_id = ? AND position = ?').run(id, position);
        this.db.prepare('DELETE FROM string_dicts WHERE dataset_id = ? AND position = ?').run(id, position);
      } else {
        position = (this.db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS p FROM variables WHERE dataset_id = ?').get(id) as { p: number }).p;
      }
      this.writeColumn(id, position, meta, col, rows);
      this.audit('variable.put', { dataset, variable: meta.name, derivedFrom: meta.derivedFrom ?? null });
    })();
  }

  /**
   * Adds a variable, or replaces the one of the same name, as one undoable step with its recipe and audit
   * entry (a weight from the weighting dialog): undo takes it out again and puts back what it replaced
   * and that one's recipe; redo brings it back. One transaction.
   */
  putVariableUndoable(dataset: string, meta: VariableMeta, col: Column, opts: { recipe: RecipeState; action: string; detail: unknown; label: string }): void {
    this.db.transaction(() => {
      const id = this.datasetId(dataset);
      const rows = (this.db.prepare('SELECT rows FROM datasets WHERE id = ?').get(id) as { rows: number }).rows;
      const len = col.kind === 'string' ? col.codes.length : col.data.length;
      if (len !== rows) throw new ProjectError('invalid', `Variable ${meta.name} has ${len} values; the dataset has ${rows} rows`);
      const stash = this.stash();
      const replaced = stash.stash(dataset, meta.name);
      this.writeColumn(id, stash.open(dataset, replaced?.position ?? null), meta, col, rows);
      const before = this.recipes().get(dataset, meta.name);
      this.setRecipe(dataset, meta.name, opts.recipe);
      this.audit(opts.action, opts.detail);
      const undo: HistoryOp = {
        kind: 'swap',
        dataset,
        variable: meta.name,
        stashIn: replaced?.id ?? null,
        recipe: before ? { kind: before.kind, body: before.body } : null,
      };
      const redo: HistoryOp = { kind: 'swap', dataset, variable: meta.name, stashIn: null, recipe: opts.recipe };
      this.remember(opts.label, undo, redo);
    })();
  }

  private stash(): VariableStash {
    return new VariableStash(this.db, now);
  }

  private setRecipe(dataset: string, target: string, recipe: RecipeState): void {
    const recipes = this.recipes();
    if (recipe) recipes.put({ dataset, target, kind: recipe.kind, body: recipe.body });
    else recipes.remove(dataset, target);
  }

  deleteDataset(name: string): void {
    this.db.transaction(() => {
      this.datasetId(name);
      this.db.prepare('DELETE FROM datasets WHERE name = ?').run(name);
      this.audit('dataset.delete', { dataset: name });
    })();
  }

  // ---- metadata edits with undo ---------------------------------------------------------------

  private variableRow(dataset: string, variable: string): { id: number; position: number; meta: VariableMeta } {
    const id = this.datasetId(dataset);
    const row = this.db.prepare('SELECT position, meta FROM variables WHERE dataset_id = ? AND name = ?').get(id, variable) as
      { position: number; meta: string } | undefined;
    if (!row) throw new ProjectError('unknown-variable', `Dataset "${dataset}" has no variable named "${variable}"`);
    return { id, position: row.position, meta: JSON.parse(row.meta) as VariableMeta };
  }

  private writeMeta(dataset: string, variable: string, meta: VariableMeta): void {
    const { id, position } = this.variableRow(dataset, variable);
    if (meta.name !== variable) {
      const clash = this.db.prepare('SELECT 1 FROM variables WHERE dataset_id = ? AND name = ? AND position <> ?').get(id, meta.name, position);
      if (clash) throw new ProjectError('invalid', `Dataset "${dataset}" already has a variable named "${meta.name}"`);
    }
    this.db.prepare('UPDATE variables SET name = ?, meta = ? WHERE dataset_id = ? AND position = ?').run(meta.name, JSON.stringify(meta), id, position);
  }

  updateVariable(dataset: string, variable: string, patch: VariablePatch): VariableMeta {
    return this.db.transaction(() => {
      const before = this.variableRow(dataset, variable).meta;
      const after: VariableMeta = { ...before, ...patch } as VariableMeta;
      this.writeMeta(dataset, variable, after);
      let undo: HistoryOp = { kind: 'variable', dataset, variable: after.name, meta: before };
      let redo: HistoryOp = { kind: 'variable', dataset, variable: before.name, meta: after };
      if (after.name !== before.name) {
        // A renamed variable stays a member of its sets (and of their recipes), in the same undo step.
        const sets = this.mrSets().renameMember(dataset, before.name, after.name);
        for (const op of sets.redo) this.mrSets().apply(op);
        undo = { kind: 'batch', ops: [undo, ...sets.undo] };
        redo = { kind: 'batch', ops: [redo, ...sets.redo] };
      }
      this.remember(`${variable}: ${Object.keys(patch).join(', ')}`, undo, redo);
      // Old and new value of every field changed (a role decides what may weight or be shown), so the log
      // says what the edit did without replaying history.
      const changes = Object.fromEntries(
        Object.keys(patch).map((k) => [k, { from: before[k as keyof VariableMeta] ?? null, to: after[k as keyof VariableMeta] ?? null }]),
      );
      this.audit('variable.update', { dataset, variable, patch, changes });
      return after;
    })();
  }

  /** Applies one side of a history step; a swap returns the stash entry of what it took out. */
  private applyOp(op: HistoryOp): number | null {
    switch (op.kind) {
      case 'variable':
        this.writeMeta(op.dataset, op.variable, op.meta);
        return null;
      case 'spec':
        if (op.spec === null) this.db.prepare('DELETE FROM specs WHERE id = ?').run(op.id);
        else
          this.db
            .prepare('INSERT OR REPLACE INTO specs (id, kind, name, folder, body, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
            .run(op.id, op.spec.kind, op.spec.name, op.spec.folder, JSON.stringify(op.spec.body), op.spec.updatedAt);
        return null;
      case 'mrset':
        this.mrSets().apply(op);
        return null;
      case 'batch': {
        // Swaps inside a batch relink nothing: batches hold metadata and set steps only.
        for (const o of op.ops) this.applyOp(o);
        return null;
      }
      case 'swap': {
        const stash = this.stash();
        const out = stash.stash(op.dataset, op.variable);
        if (op.stashIn !== null) stash.restore(op.stashIn);
        this.setRecipe(op.dataset, op.variable, op.recipe);
        return out?.id ?? null;
      }
    }
  }

  /** After a swap, the other side of the step must bring back what this side took out. */
  private relink(id: number, side: 'undo' | 'redo', json: string, stashed: number | null): void {
    const other = JSON.parse(json) as HistoryOp;
    if (other.kind !== 'swap') return;
    this.db.prepare(`UPDATE history SET ${side} = ? WHERE id = ?`).run(JSON.stringify({ ...other, stashIn: stashed }), id);
  }

  /**
   * Records an undoable step; a new step ends the redo chain, as in every editor, and drops the stashed
   * variables only that chain still needed.
   */
  private remember(label: string, undo: HistoryOp, redo: HistoryOp): void {
    this.db.prepare('DELETE FROM history WHERE undone = 1').run();
    this.db.prepare('INSERT INTO history (at, label, undo, redo) VALUES (?, ?, ?, ?)').run(now(), label, JSON.stringify(undo), JSON.stringify(redo));
    this.stash().prune();
  }

  private specRow(id: number): SavedSpec | null {
    const r = this.db.prepare('SELECT * FROM specs WHERE id = ?').get(id) as
      { id: number; kind: string; name: string; folder: string; body: string; updated_at: string } | undefined;
    return r ? { id: r.id, kind: r.kind, name: r.name, folder: r.folder, body: JSON.parse(r.body), updatedAt: r.updated_at } : null;
  }

  undo(): string | null {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT id, label, undo, redo FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as
        { id: number; label: string; undo: string; redo: string } | undefined;
      if (!row) return null;
      this.relink(row.id, 'redo', row.redo, this.applyOp(JSON.parse(row.undo) as HistoryOp));
      this.db.prepare('UPDATE history SET undone = 1 WHERE id = ?').run(row.id);
      this.audit('history.undo', { label: row.label });
      return row.label;
    })();
  }

  redo(): string | null {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT id, label, undo, redo FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as
        { id: number; label: string; undo: string; redo: string } | undefined;
      if (!row) return null;
      this.relink(row.id, 'undo', row.undo, this.applyOp(JSON.parse(row.redo) as HistoryOp));
      this.db.prepare('UPDATE history SET undone = 0 WHERE id = ?').run(row.id);
      this.audit('history.redo', { label: row.label });
      return row.label;
    })();
  }

  // ---- audit, settings, specs, overrides ------------------------------------------------------

  /** Overrides of the output rules; each change is one transaction with its audit entry. */
  overrides(): OverrideStore {
    return new OverrideStore(this.db, (action, detail) => this.audit(action, detail), now);
  }

  /** Tables that left the app, for differencing against later releases. */
  releases(): ReleaseRegister {
    return new ReleaseRegister(this.db, now);
  }

  /** Recipes of derived variables and sets (weights, multiple-response sets), kept across waves. */
  recipes(): RecipeStore {
    return new RecipeStore(this.db, (action, detail) => this.audit(action, detail), now);
  }

  /** Multiple-response sets of the stored datasets: define, edit, delete, each one undo step. */
  mrSets(): MrSetStore {
    return new MrSetStore(this.db, {
      audit: (action, detail) => this.audit(action, detail),
      recipes: () => this.recipes(),
      record: (label, undo, redo) => this.remember(label, undo, redo),
    });
  }

  /** Appends to the audit log's hash chain (audit-chain.ts); inside the caller's transaction when there is one. */
  audit(action: string, detail: unknown): void {
    const text = JSON.stringify(detail ?? null);
    // Immediate: the write lock is taken before the head is read, so two processes cannot fork the chain.
    this.db.transaction(() => appendAudit(this.db, now(), action, text)).immediate();
  }

  /**
   * The hash of the last audit entry (null for an empty log): printed where a reader can later compare
   * it with `duiding audit verify` (the tabellenboek's checker's sheet). auditHeadEntry() adds its id.
   */
  auditHead(): string | null {
    const h = auditHead(this.db);
    return h.entries > 0 ? h.hash : null;
  }

  /** The last audit entry's id and hash, and how many entries there are. */
  auditHeadEntry(): AuditHead {
    return auditHead(this.db);
  }

  /** Recomputes the audit log's hash chain (what `duiding audit verify` runs). */
  verifyAudit(): AuditVerification {
    return verifyAuditChain(this.db);
  }

  /**
   * Verifies a project's audit chain without changing the file: read-only, no migration. A project
   * older than the chain (schema < 6) reports its first row as unchained.
   */
  static verifyFile(path: string): AuditVerification & { schema: number } {
    const db = ProjectStore.connectProject(path, { readonly: true });
    try {
      const schema = db.pragma('user_version', { simple: true }) as number;
      const columns = (db.prepare('PRAGMA table_info(audit)').all() as { name: string }[]).map((c) => c.name);
      if (!columns.includes('hash')) {
        const first = db.prepare('SELECT id, at, action FROM audit ORDER BY id LIMIT 1').get() as { id: number; at: string; action: string } | undefined;
        const entries = (db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
        return { schema, ok: false, entries, head: null, ...(first ? { broken: { ...first, reason: 'unchained' as const } } : {}) };
      }
      return { schema, ...verifyAuditChain(db) };
    } finally {
      db.close();
    }
  }

  auditEntries(limit = 200): AuditEntry[] {
    const rows = this.db.prepare('SELECT id, at, action, detail FROM audit ORDER BY id DESC LIMIT ?').all(limit) as {
      id: number;
      at: string;
      action: string;
      detail: string;
    }[];
    return rows.map((r) => ({ id: r.id, at: r.at, action: r.action, detail: JSON.parse(r.detail) }));
  }

  getSetting<T>(key: string): T | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : null;
  }

  setSetting(key: string, value: unknown, auditDetail?: unknown): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
      this.audit('setting.update', { key, ...((auditDetail as object) ?? {}) });
    })();
  }

  listSpecs(kind?: string): SavedSpec[] {
    const rows = (
      kind
        ? this.db.prepare('SELECT * FROM specs WHERE kind = ? ORDER BY folder, name').all(kind)
        : this.db.prepare('SELECT * FROM specs ORDER BY kind, folder, name').all()
    ) as { id: number; kind: string; name: string; folder: string; body: string; updated_at: string }[];
    return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, folder: r.folder, body: JSON.parse(r.body), updatedAt: r.updated_at }));
  }

  /** `undoable`: record the change in the undo history (saved tables and books the user edits). */
  saveSpec(spec: { id?: number; kind: string; name: string; folder?: string; body: unknown }, undoable = false): SavedSpec {
    return this.db.transaction(() => {
      const before = spec.id !== undefined ? this.specRow(spec.id) : null;
      const at = now();
      let id = spec.id;
      if (id !== undefined) {
        const res = this.db
          .prepare('UPDATE specs SET kind = ?, name = ?, folder = ?, body = ?, updated_at = ? WHERE id = ?')
          .run(spec.kind, spec.name, spec.folder ?? '', JSON.stringify(spec.body), at, id);
        if (res.changes === 0) throw new ProjectError('invalid', `No saved specification with id ${id}`);
      } else {
        id = Number(
          this.db
            .prepare('INSERT INTO specs (kind, name, folder, body, updated_at) VALUES (?, ?, ?, ?, ?)')
            .run(spec.kind, spec.name, spec.folder ?? '', JSON.stringify(spec.body), at).lastInsertRowid,
        );
      }
      this.audit('spec.save', {
        id,
        kind: spec.kind,
        name: spec.name,
        folder: spec.folder ?? '',
        ...(before && before.name !== spec.name ? { renamedFrom: before.name } : {}),
      });
      const saved: SavedSpec = { id, kind: spec.kind, name: spec.name, folder: spec.folder ?? '', body: spec.body, updatedAt: at };
      if (undoable) this.remember(spec.name, { kind: 'spec', id, spec: before }, { kind: 'spec', id, spec: saved });
      return saved;
    })();
  }

  deleteSpec(id: number, undoable = false): void {
    this.db.transaction(() => {
      const before = this.specRow(id);
      this.db.prepare('DELETE FROM specs WHERE id = ?').run(id);
      this.audit('spec.delete', { id, ...(before ? { kind: before.kind, name: before.name } : {}) });
      if (undoable && before) this.remember(before.name, { kind: 'spec', id, spec: before }, { kind: 'spec', id, spec: null });
    })();
  }

  /** For tests and tools that need a raw look (e.g. checking that a failed write changed nothing). */
  rawQuery<T>(sql: string, ...params: unknown[]): T[] {
    const stmt = this.db.prepare(sql);
    if (stmt.reader) return stmt.all(...params) as T[];
    stmt.run(...params);
    return [];
  }
}
