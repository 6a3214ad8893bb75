/**
 * Where each variable lives in a case. A case is a row of 8-byte slots; a numeric takes one slot, a
 * string takes ceil(width/8) slots per segment, and a very long string spans several segments whose
 * first 255 bytes each are concatenated. The decoder follows these per-slot tables in its hot loop.
 */
import { SEGMENT_WIDTH } from './constants';

export interface SegmentVar {
  /** First slot (0-based) of this variable record. */
  slot: number;
  /** 0 numeric, else string width of this record (≤ 255). */
  width: number;
  nameBytesIndex: number;
}

export interface VarLayout {
  type: 'numeric' | 'string';
  /** Declared byte width (strings), 0 for numeric. */
  width: number;
  /** Indexes into the segment-variable list, first one carries the dictionary information. */
  segments: number[];
}

export const SLOT_NUMERIC = 0;
export const SLOT_STRING = 1;
export const SLOT_IGNORE = 2;

export interface CasePlan {
  slots: number;
  kind: Uint8Array;
  /** Numeric slots: index among numeric variables; string slots: index among string variables. */
  target: Int32Array;
  /** String slots: byte offset in the variable's scratch buffer and bytes to keep (0..8). */
  dest: Int32Array;
  keep: Uint8Array;
  numericVars: number[];
  stringVars: number[];
  /** Scratch size per string variable (all segment bytes) and declared width. */
  stringScratch: number[];
  stringWidth: number[];
}

export function planCase(vars: VarLayout[], segs: SegmentVar[], slotCount: number): CasePlan {
  const plan: CasePlan = {
    slots: slotCount,
    kind: new Uint8Array(slotCount).fill(SLOT_IGNORE),
    target: new Int32Array(slotCount),
    dest: new Int32Array(slotCount),
    keep: new Uint8Array(slotCount),
    numericVars: [],
    stringVars: [],
    stringScratch: [],
    stringWidth: [],
  };
  vars.forEach((v, vi) => {
    if (v.type === 'numeric') {
      const slot = segs[v.segments[0]].slot;
      plan.kind[slot] = SLOT_NUMERIC;
      plan.target[slot] = plan.numericVars.length;
      plan.numericVars.push(vi);
      return;
    }
    const si = plan.stringVars.length;
    plan.stringVars.push(vi);
    plan.stringWidth.push(v.width);
    let scratch = 0;
    v.segments.forEach((segIndex, s) => {
      const seg = segs[segIndex];
      const base = s * SEGMENT_WIDTH;
      const used = Math.min(seg.width, SEGMENT_WIDTH);
      for (let k = 0; k * 8 < seg.width; k++) {
        const slot = seg.slot + k;
        plan.kind[slot] = SLOT_STRING;
        plan.target[slot] = si;
        plan.dest[slot] = base + k * 8;
        plan.keep[slot] = Math.max(0, Math.min(8, used - k * 8));
      }
      scratch = base + used;
    });
    plan.stringScratch.push(scratch);
  });
  return plan;
}
