/** The chi-square line's parts (Rao–Scott first when present), shared by the banner note and layer tables. */
import type { Chi2Block } from '../../shared/model/results';
import { formatP } from '../i18n/format';
import type { I18n } from '../i18n/i18n';

export function chi2Parts(chi2: Chi2Block, { t, num, lang }: Pick<I18n, 't' | 'num' | 'lang'>): string[] {
  const parts: string[] = [];
  if (chi2.raoScott) {
    parts.push(
      t('tb.chi2.raoScott', { F: num(chi2.raoScott.F, 2), ndf: num(chi2.raoScott.ndf, 1), ddf: num(chi2.raoScott.ddf, 0), p: formatP(lang, chi2.raoScott.p) }),
    );
  }
  // Under sampling weights the engine gives no p for Pearson/LR (only Rao–Scott is valid then).
  const withP = (text: string, p: number) => (Number.isFinite(p) ? `${text}, p = ${formatP(lang, p)}` : text);
  parts.push(withP(t('tb.chi2.pearson', { v: num(chi2.pearson.value, 2), df: num(chi2.pearson.df) }), chi2.pearson.p));
  parts.push(withP(t('tb.chi2.lr', { v: num(chi2.lr.value, 2), df: num(chi2.lr.df) }), chi2.lr.p));
  return parts;
}
