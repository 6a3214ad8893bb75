/**
 * Stata numeric values and missing codes. Stata has one system-missing value `.` and 26 extended
 * missing values `.a`–`.z`, stored as special values at the top of each storage type's range.
 *
 * Mapping (nothing lost, nothing counted valid; docs/architecture.md, "Data"):
 * - `.`       → system-missing (NaN).
 * - `.a`–`.z` → the numeric codes 2147483622–2147483647, which are exactly the codes Stata itself uses
 *   for them in value-label tables. The variable gets the user-missing range [2147483622, 2147483647],
 *   so these values are missing in every statistic, stay distinct from each other, and keep their
 *   value labels (a label for `.a` in Stata labels code 2147483622 here). Unlabelled extended codes
 *   get the label ".a" etc., so a table shows what they were.
 * A valid float/double that happens to fall in that 26-value window would be mistaken for missing;
 * the reader refuses such a file rather than miscount.
 */
import type { DtaType } from './layout';

export const EXT_BASE = 2147483622;
export const EXT_TOP = EXT_BASE + 25;

export function extLabel(code: number): string {
  return `.${String.fromCharCode(97 + code - EXT_BASE)}`;
}

/** Decodes one value at `pos`; NaN for `.`, EXT_BASE+k for `.a`+k. */
export type NumDecoder = (view: DataView, pos: number) => number;

export function numDecoder(t: DtaType, little: boolean): NumDecoder {
  switch (t.kind) {
    case 'byte':
      return (v, p) => {
        const x = v.getInt8(p);
        return x <= 100 ? x : x === 101 ? NaN : EXT_BASE + x - 102;
      };
    case 'int':
      return (v, p) => {
        const x = v.getInt16(p, little);
        return x <= 32740 ? x : x === 32741 ? NaN : EXT_BASE + x - 32742;
      };
    case 'long':
      return (v, p) => {
        const x = v.getInt32(p, little);
        return x <= 2147483620 ? x : x === 2147483621 ? NaN : x;
      };
    case 'float':
      return (v, p) => {
        const bits = v.getUint32(p, little);
        if (bits < 0x7f000000 || bits >= 0x80000000) return v.getFloat32(p, little);
        const k = (bits - 0x7f000000) >>> 11;
        return k >= 1 && k <= 26 ? EXT_BASE + k - 1 : NaN;
      };
    default:
      return (v, p) => {
        const hi = v.getUint32(little ? p + 4 : p, little);
        if (hi < 0x7fe00000 || hi >= 0x80000000) return v.getFloat64(p, little);
        const k = (hi - 0x7fe00000) >>> 8;
        return k >= 1 && k <= 26 ? EXT_BASE + k - 1 : NaN;
      };
  }
}
