/**
 * The bundled chart font (Liberation Sans, SIL OFL 1.1; metric-compatible with Arial). resvg loads
 * only these files, so a PNG looks the same on every machine, and ECharts measures with them too.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFontMetrics, type FontMetrics } from './font-metrics';
import type { MeasureText } from '../../../shared/chart/layout';

export const CHART_FONT_FAMILY = 'Liberation Sans';

/** resources/fonts, found from this file in the source tree or beside a bundled build. */
export function fontDir(): string {
  // Bundled to CommonJS there is no import.meta.url, under tsx/vitest there is no __dirname.
  const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));
  // Source tree (electron/export/chart), a bundle in dist/electron, a packaged app's resources, the cwd.
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    resolve(here, '../../../resources/fonts'),
    resolve(here, '../../resources/fonts'),
    ...(packaged ? [join(packaged, 'fonts'), join(packaged, 'resources/fonts')] : []),
    resolve(process.cwd(), 'resources/fonts'),
  ];
  const found = candidates.find((d) => existsSync(join(d, 'LiberationSans-Regular.ttf')));
  if (!found) throw new Error(`bundled chart font not found (looked in ${candidates.join(', ')})`);
  return found;
}

export function fontFiles(): string[] {
  const dir = fontDir();
  return [join(dir, 'LiberationSans-Regular.ttf'), join(dir, 'LiberationSans-Bold.ttf')];
}

/**
 * resvg is native code and cannot read inside app.asar: a packaged app must unpack resources/fonts
 * (electron-builder `asarUnpack`), and resvg gets the unpacked path.
 */
export function nativeFontFiles(): string[] {
  return fontFiles().map((f) => f.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'));
}

let metrics: { regular: FontMetrics; bold: FontMetrics } | null = null;

function loaded() {
  if (!metrics) {
    const [regular, bold] = fontFiles();
    metrics = { regular: loadFontMetrics(regular), bold: loadFontMetrics(bold) };
  }
  return metrics;
}

export const measureWithBundledFont: MeasureText = (text, fontPx, bold) => (bold ? loaded().bold : loaded().regular).width(text, fontPx);

/** zrender's measureText gets a CSS font shorthand such as "bold 12px sans-serif". */
export function measureCssFont(text: string, font: string | undefined): number {
  const f = font ?? '12px sans-serif';
  const size = /(\d*\.?\d+)px/.exec(f);
  const bold = /\bbold(er)?\b|\b[6-9]00\b/.test(f);
  return measureWithBundledFont(text, size ? parseFloat(size[1]) : 12, bold);
}
