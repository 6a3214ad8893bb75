/**
 * The boxes the texts of a rendered chart SVG occupy, measured with the bundled font (as resvg draws
 * them), and the pairs that overlap. ECharts writes one <text> per line, placed by a translate (or,
 * for turned labels, a matrix) plus an optional x/y offset, anchored by text-anchor and
 * dominant-baseline.
 */
import { measureWithBundledFont } from '../../electron/export/chart/fonts';
import { parseSvg } from './fixtures';

export interface LabelBox {
  text: string;
  /** Corners of the (possibly turned) box. */
  corners: [number, number][];
}

function transformOf(t: string | undefined): [number, number, number, number, number, number] {
  if (!t) return [1, 0, 0, 1, 0, 0];
  const m = /matrix\(([^)]*)\)/.exec(t);
  if (m) {
    const v = m[1].split(/[ ,]+/).map(Number);
    return [v[0], v[1], v[2], v[3], v[4], v[5]];
  }
  const tr = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(t);
  const rot = /rotate\(([-\d.e]+)\)/.exec(t);
  const [tx, ty] = tr ? [Number(tr[1]), Number(tr[2])] : [0, 0];
  const a = rot ? (Number(rot[1]) * Math.PI) / 180 : 0;
  return [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), tx, ty];
}

export function labelBoxes(svg: string): LabelBox[] {
  const out: LabelBox[] = [];
  for (const e of parseSvg(svg)) {
    if (e.tag !== 'text' || e.text.trim() === '') continue;
    const style = e.attrs.style ?? '';
    const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
    const bold = /font-weight:\s*(bold|[6-9]00)/.test(style);
    const width = measureWithBundledFont(e.text, size, bold);
    const x0 = Number(e.attrs.x ?? 0);
    const y0 = Number(e.attrs.y ?? 0);
    const anchor = e.attrs['text-anchor'] ?? 'start';
    const left = anchor === 'middle' ? x0 - width / 2 : anchor === 'end' ? x0 - width : x0;
    // Glyphs of Liberation Sans reach from about 0.9 em above the baseline to 0.2 em below it.
    const base = e.attrs['dominant-baseline'] ?? 'alphabetic';
    const top = base === 'central' || base === 'middle' ? y0 - 0.55 * size : base === 'hanging' || base === 'text-before-edge' ? y0 : y0 - 0.9 * size;
    const bottom = top + 1.1 * size;
    const [a, b, c, d, tx, ty] = transformOf(e.attrs.transform);
    const map = (x: number, y: number): [number, number] => [a * x + c * y + tx, b * x + d * y + ty];
    out.push({ text: e.text, corners: [map(left, top), map(left + width, top), map(left + width, bottom), map(left, bottom)] });
  }
  return out;
}

/** Separating-axis test for two convex quadrilaterals, with `slack` px of allowed touching. */
function overlap(p: LabelBox, q: LabelBox, slack: number): boolean {
  for (const poly of [p.corners, q.corners]) {
    for (let i = 0; i < 4; i++) {
      const [x1, y1] = poly[i];
      const [x2, y2] = poly[(i + 1) % 4];
      const len = Math.hypot(x2 - x1, y2 - y1) || 1;
      const nx = (y1 - y2) / len;
      const ny = (x2 - x1) / len;
      const proj = (pts: [number, number][]) => pts.map(([x, y]) => x * nx + y * ny);
      const a = proj(p.corners);
      const b = proj(q.corners);
      if (Math.max(...a) - slack <= Math.min(...b) || Math.max(...b) - slack <= Math.min(...a)) return false;
    }
  }
  return true;
}

/** Every pair of texts whose boxes overlap by more than `slack` px. */
export function overlappingLabels(svg: string, slack = 0.5): [string, string][] {
  const boxes = labelBoxes(svg);
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i], boxes[j], slack)) out.push([boxes[i].text, boxes[j].text]);
  return out;
}
