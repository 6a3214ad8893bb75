/**
 * Language context: texts and number formatting follow the chosen language (Dutch: 1.234,5).
 * The choice is remembered in localStorage so a reload keeps it.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, nl, type StringKey } from './strings';
import { formatNumber } from './format';
import { reasonTexts, renderMessage, type DisclosureMessage, type Message } from '../../shared/i18n/messages';

export type Lang = 'nl' | 'en';
const LANG_KEY = 'duiding.lang';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: StringKey, params?: Record<string, string | number>): string;
  /** Number in the language's format; null/NaN gives "". */
  num(v: number | null | undefined, decimals?: number): string;
  /** A rule or expression message (code + parameters) in the language. */
  msg(m: Message): string;
  /** An output-rule summary's reasons in the language (its codes, else its texts). */
  reasons(rules: { reasons: string[]; messages?: DisclosureMessage[] }): string[];
}

const Ctx = createContext<I18n | null>(null);

/** The chosen language outside React (e.g. for API error texts); Dutch unless English was chosen. */
export function storedLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl';
}

export function interpolate(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(LANG_KEY, l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict: Record<StringKey, string> = lang === 'nl' ? nl : en;
    return {
      lang,
      setLang,
      t: (key, params) => interpolate(dict[key] ?? key, params),
      num: (v, decimals = 0) => formatNumber(lang, v, decimals),
      msg: (m) => renderMessage(m, lang),
      reasons: (rules) => reasonTexts(rules, lang),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
