/**
 * Secondary suppression: greedy choice of extra cells, driven by the LP audit until it passes.
 *
 * Method (a constraint-generic relative of the hypercube heuristic):
 * 1. Close singletons: a constraint with exactly one hidden cell determines that cell by
 *    subtraction, so one more cell of that constraint is suppressed. The candidate is chosen by
 *    (a) being at least as large as the protection the primaries need, (b) opening as few new
 *    singleton constraints as possible (i.e. it closes a cycle: its other constraints already hold
 *    a hidden cell, the rectangle of the hypercube method), (c) least information loss (smallest
 *    count first).
 * 2. Audit. Each protected cell whose feasible interval is still too narrow gets one more partner
 *    from its own constraints, preferring the constraint whose other hidden cells hold the least
 *    (the bottleneck of the interval); then back to 1.
 * 3. Prune: secondary cells are tried for release, largest first, and stay published when the
 *    audit still passes — the greedy steps over-suppress, pruning takes the surplus back.
 * Terminates: each round hides at least one more cell, and a fully hidden table passes trivially.
 */
import { auditSuppression, neededWidth, type AuditEntry } from './audit';
import { RectangleCertifier } from './certificate';
import { constraintsByCell, suppressedComponents, type LinearTable } from './linear-table';

/** One set of values to protect (e.g. unweighted counts, and weighted counts alongside). */
export interface Layer {
  values: readonly number[];
  /** Required interval width of a cell; 0 when the cell needs no protection of its own. */
  required: (cell: number, value: number) => number;
  integer: boolean;
}

export interface ProtectOptions {
  /** Information loss of suppressing each cell; defaults to the first layer's values. */
  cost?: readonly number[];
  /**
   * Cells that are never published and unknown to the intruder: the slack variables that turn an
   * inequality he knows (an item of a multiple-response set is at most its net) into an equality.
   * They are hidden from the start, need no protection, are never chosen as partners, and a
   * constraint whose only hidden cell is free needs no partner (the slack being determined reveals
   * nothing). They are never reported as suppressed.
   */
  free?: readonly boolean[];
  /** Release surplus secondaries (default true). */
  prune?: boolean;
}

export interface ProtectResult {
  suppressed: boolean[];
  secondary: boolean[];
  /** Protected cells that still fail (only when the iteration limit was hit: block the table). */
  failures: AuditEntry[];
}

export function protectTable(table: LinearTable, layers: readonly Layer[], primary: readonly boolean[], opts: ProtectOptions = {}): ProtectResult {
  const ctx = new Context(table, layers, primary, opts.cost ?? layers[0].values, opts.free);
  const maxRounds = 2 * table.size + 10;
  // Components only grow, so after the first round only those that gained a cell need a new audit.
  let touched: number[] | undefined;
  for (let round = 0; round < maxRounds; round++) {
    const before = ctx.hidden.slice();
    ctx.closeSingletons();
    const added = ctx.hidden.map((h, i) => (h && !before[i] ? i : -1)).filter((i) => i >= 0);
    const failures = ctx.failures(touched && [...touched, ...added]);
    if (failures.length === 0) break;
    const grew: number[] = [];
    for (const f of failures) {
      const cell = ctx.widen(f);
      if (cell >= 0) grew.push(cell, f.cell);
    }
    if (grew.length === 0) break;
    touched = [...added, ...grew];
  }
  if (opts.prune !== false) ctx.prune();
  const free = (i: number) => opts.free?.[i] === true;
  const secondary = ctx.hidden.map((h, i) => h && !primary[i] && !free(i));
  return { suppressed: ctx.hidden.map((h, i) => h && !free(i)), secondary, failures: ctx.failures() };
}

class Context {
  readonly hidden: boolean[];
  private readonly byCell: number[][];
  private readonly need: number;
  private readonly certifier: RectangleCertifier;
  /** Per layer: protected cell → the rectangle that proved it (valid while its cells stay hidden). */
  private readonly proofs: Map<number, number[]>[];

  constructor(
    private readonly table: LinearTable,
    private readonly layers: readonly Layer[],
    private readonly primary: readonly boolean[],
    private readonly cost: readonly number[],
    private readonly free?: readonly boolean[],
  ) {
    this.hidden = Array.from({ length: table.size }, (_, i) => (primary[i] === true && !table.fixed?.[i]) || free?.[i] === true);
    this.byCell = constraintsByCell(table);
    this.certifier = new RectangleCertifier(table, this.byCell);
    this.proofs = layers.map(() => new Map());
    let need = 0;
    const l0 = layers[0];
    for (let i = 0; i < table.size; i++) if (this.hidden[i]) need = Math.max(need, l0.required(i, l0.values[i]));
    this.need = need;
  }

  private hiddenIn(k: number): number[] {
    return this.table.constraints[k].cells.filter((c) => this.hidden[c]);
  }

  private suppressible(c: number): boolean {
    return !this.hidden[c] && !this.table.fixed?.[c];
  }

  /** Constraints of c (other than `except`) that hold no hidden cell yet. */
  private newSingletons(c: number, except: number): number {
    let n = 0;
    for (const k of this.byCell[c]) if (k !== except && this.hiddenIn(k).length === 0) n++;
    return n;
  }

  private pick(candidates: { cell: number; k: number; bottleneck: number }[], need: number): number {
    let best = -1;
    let bestKey: number[] = [];
    for (const { cell, k, bottleneck } of candidates) {
      const key = [this.cost[cell] >= need ? 0 : 1, bottleneck, this.newSingletons(cell, k), this.cost[cell], cell];
      if (best < 0 || less(key, bestKey)) {
        best = cell;
        bestKey = key;
      }
    }
    return best;
  }

  closeSingletons(): void {
    for (let guard = 0; guard <= this.table.size; guard++) {
      let fixedOne = false;
      this.table.constraints.forEach((con, k) => {
        const alone = this.hiddenIn(k);
        if (alone.length !== 1 || this.free?.[alone[0]]) return;
        const candidates = con.cells.filter((c) => this.suppressible(c)).map((cell) => ({ cell, k, bottleneck: 0 }));
        const cell = this.pick(candidates, this.need);
        if (cell >= 0) {
          this.hidden[cell] = true;
          fixedOne = true;
        }
      });
      if (!fixedOne) return;
    }
  }

  failures(only?: readonly number[]): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (const layer of this.layers) {
      const proofs = this.proofs[this.layers.indexOf(layer)];
      const skip = (cell: number) => {
        const kept = proofs.get(cell);
        if (kept && kept.every((x) => this.hidden[x])) return true;
        const need = neededWidth(layer.required(cell, layer.values[cell]), layer.values[cell], layer.integer);
        const rect = this.certifier.certify(cell, need, layer.values, this.hidden);
        if (rect) proofs.set(cell, rect);
        else proofs.delete(cell);
        return rect !== null;
      };
      const entries = auditSuppression(layer.values, this.hidden, this.table, layer.required, {
        integer: layer.integer,
        only,
        decide: true,
        skip,
      });
      out.push(...entries.filter((e) => !e.ok));
    }
    return out;
  }

  /** Adds one partner to a failing cell's constraints; returns it, or −1 when none is left. */
  widen(f: AuditEntry): number {
    const deficit = Math.max(this.need, f.required - (f.hi - f.lo));
    const own = this.candidatesAround([f.cell]);
    let cell = this.pick(own, deficit);
    if (cell < 0) {
      const comp = suppressedComponents(this.table, this.hidden).find((g) => g.includes(f.cell)) ?? [f.cell];
      cell = this.pick(this.candidatesAround(comp), deficit);
    }
    if (cell >= 0) this.hidden[cell] = true;
    return cell;
  }

  private candidatesAround(cells: readonly number[]): { cell: number; k: number; bottleneck: number }[] {
    const out: { cell: number; k: number; bottleneck: number }[] = [];
    for (const src of cells) {
      for (const k of this.byCell[src]) {
        const others = this.hiddenIn(k).filter((c) => c !== src);
        const bottleneck = others.reduce((s, c) => s + Math.abs(this.layers[0].values[c]), 0);
        for (const cell of this.table.constraints[k].cells) {
          if (this.suppressible(cell)) out.push({ cell, k, bottleneck });
        }
      }
    }
    return out;
  }

  /**
   * Quick reject before an LP: releasing c leaves some constraint of c with a single hidden cell
   * that needs protection (it would be determined by subtraction).
   */
  private exposesProtected(c: number): boolean {
    for (const k of this.byCell[c]) {
      const rest = this.hiddenIn(k);
      if (rest.length !== 1) continue;
      const x = rest[0];
      if (this.layers.some((l) => l.required(x, l.values[x]) > 0)) return true;
    }
    return false;
  }

  /**
   * Releases surplus secondaries, most costly first. Each trial re-audits the released cell's
   * component; the total audited component size is capped (PRUNE_BUDGET) so that very large
   * patterns (hundreds of linked suppressions) stay fast at the price of a little over-suppression.
   */
  prune(): void {
    const secondaries = this.hidden
      .map((h, i) => (h && !this.primary[i] && !this.free?.[i] ? i : -1))
      .filter((i) => i >= 0)
      .sort((a, b) => this.cost[b] - this.cost[a] || b - a);
    let budget = PRUNE_BUDGET;
    for (const c of secondaries) {
      const comp = suppressedComponents(this.table, this.hidden).find((g) => g.includes(c)) ?? [];
      if (comp.length > budget) continue;
      const neighbours = new Set<number>();
      for (const k of this.byCell[c]) for (const x of this.hiddenIn(k)) if (x !== c) neighbours.add(x);
      this.hidden[c] = false;
      if (neighbours.size === 0 || this.exposesProtected(c)) {
        this.hidden[c] = neighbours.size > 0;
        continue;
      }
      budget -= comp.length;
      if (this.failures([...neighbours]).length > 0) this.hidden[c] = true;
    }
  }
}

/** Total hidden-component size the prune step may re-audit (see Context.prune). */
const PRUNE_BUDGET = 20_000;

function less(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
