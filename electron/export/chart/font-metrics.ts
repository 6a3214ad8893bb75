/**
 * Advance widths from a TrueType file (cmap + hmtx), so ECharts lays text out with the metrics of
 * the font resvg will draw with. Without this, zrender guesses widths in Node and long labels are
 * wrapped or clipped in the wrong place. Kerning is ignored (a fraction of a pixel per pair).
 */
import { readFileSync } from 'node:fs';

export interface FontMetrics {
  /** Width in px of `text` at `fontPx`. */
  width(text: string, fontPx: number): number;
}

function table(buf: Buffer, tag: string): number {
  const n = buf.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const rec = 12 + i * 16;
    if (buf.toString('latin1', rec, rec + 4) === tag) return buf.readUInt32BE(rec + 8);
  }
  throw new Error(`font has no '${tag}' table`);
}

type GlyphLookup = (cp: number) => number;

function format4(buf: Buffer, at: number): GlyphLookup {
  const segX2 = buf.readUInt16BE(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segX2; s += 2) {
      if (cp > buf.readUInt16BE(ends + s)) continue;
      const start = buf.readUInt16BE(starts + s);
      if (cp < start) return 0;
      const delta = buf.readInt16BE(deltas + s);
      const ro = buf.readUInt16BE(ranges + s);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = buf.readUInt16BE(ranges + s + ro + (cp - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}

function format12(buf: Buffer, at: number): GlyphLookup {
  const groups = buf.readUInt32BE(at + 12);
  return (cp) => {
    for (let i = 0; i < groups; i++) {
      const g = at + 16 + i * 12;
      const lo = buf.readUInt32BE(g);
      const hi = buf.readUInt32BE(g + 4);
      if (cp >= lo && cp <= hi) return buf.readUInt32BE(g + 8) + (cp - lo);
    }
    return 0;
  };
}

function cmapLookup(buf: Buffer): GlyphLookup {
  const cmap = table(buf, 'cmap');
  const n = buf.readUInt16BE(cmap + 2);
  let best: GlyphLookup | null = null;
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const sub = cmap + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) return format12(buf, sub);
    if (format === 4 && !best) best = format4(buf, sub);
  }
  if (!best) throw new Error('font has no Unicode cmap');
  return best;
}

export function loadFontMetrics(path: string): FontMetrics {
  const buf = readFileSync(path);
  const unitsPerEm = buf.readUInt16BE(table(buf, 'head') + 18);
  const numberOfHMetrics = buf.readUInt16BE(table(buf, 'hhea') + 34);
  const hmtx = table(buf, 'hmtx');
  const glyph = cmapLookup(buf);
  const cache = new Map<number, number>();
  const advance = (cp: number): number => {
    let w = cache.get(cp);
    if (w === undefined) {
      const g = Math.min(glyph(cp), numberOfHMetrics - 1);
      w = buf.readUInt16BE(hmtx + g * 4) / unitsPerEm;
      cache.set(cp, w);
    }
    return w;
  };
  return {
    width(text, fontPx) {
      let em = 0;
      for (const ch of text) em += advance(ch.codePointAt(0)!);
      return em * fontPx;
    },
  };
}
