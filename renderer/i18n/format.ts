/** Number formatting per UI language; Dutch uses a decimal comma and a dot for thousands. */
const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: 'nl' | 'en', decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(lang: 'nl' | 'en', v: number | null | undefined, decimals = 0): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  return formatter(lang, decimals).format(v);
}

/** A raw data value as the data view shows it: codes and ids without grouping, fractions up to 4 decimals. */
export function formatValue(lang: 'nl' | 'en', v: number): string {
  if (Number.isInteger(v)) return String(v);
  let f = cache.get(`${lang}:v`);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 4, useGrouping: false });
    cache.set(`${lang}:v`, f);
  }
  return f.format(v);
}

/** p-values the way journals print them: "< 0,001" below a thousandth. */
export function formatP(lang: 'nl' | 'en', p: number): string {
  if (!Number.isFinite(p)) return '';
  if (p < 0.001) return `< ${formatNumber(lang, 0.001, 3)}`;
  return formatNumber(lang, p, 3);
}
