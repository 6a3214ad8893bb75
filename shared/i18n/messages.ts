/**
 * The one place that turns a message code and its parameters into text, in Dutch or English.
 * Results carry both the codes (`DisclosureSummary.messages`, `ExprError.detail`) and the legacy
 * text (`reasons`, `message`); front ends render the codes and fall back to the text.
 */
import { formatNumber, NUMBER_STYLES } from '../format/number';
import type { MessageFormat } from './catalogue';
import type { DisclosureMessage, Message, MessageCode, MessageLang, MessageParams } from './message-types';
import { EN } from './messages-en';
import { NL } from './messages-nl';

export type * from './message-types';

type Num = MessageFormat['num'];
const NUM: Record<MessageLang, Num> = {
  nl: (n) => formatNumber(n, Number.isInteger(n) ? 0 : 2, NUMBER_STYLES.nl),
  en: (n) => String(n),
};

function raw(m: Message, lang: MessageLang, num: Num): string {
  const render = (lang === 'nl' ? NL : EN)[m.code] as (p: MessageParams[MessageCode], f: MessageFormat) => string;
  const text = render(m as never, { num, msg: (inner) => raw(inner, lang, num) });
  return m.scope ? `${m.scope}: ${text}` : text;
}

export function renderMessage(m: Message, lang: MessageLang): string {
  return raw(m, lang, NUM[lang]);
}

/** Codes whose legacy text (in `reasons`) was always Dutch. */
const LEGACY_DUTCH: ReadonlySet<MessageCode> = new Set([
  'model-category',
  'model-counts-unknown',
  'model-sample-mismatch',
  'chi2-fisher-fractional',
  'chi2-sampling',
  'chi2-raoscott-empty',
  'chi2-lonely-strata',
  'chi2-domain',
]);

/**
 * The text `reasons`, `Error.message` and `chi2.note` have always carried for a code (the CLI JSON
 * contract): English, except the model count checks and the chi-square notes, which were Dutch;
 * numbers unformatted.
 */
export function legacyText(m: Message): string {
  return raw(m, LEGACY_DUTCH.has(m.code) ? 'nl' : 'en', NUM.en);
}

/** A summary's reasons as messages: its codes when they match its reasons, else the texts as they are. */
export function reasonMessages(rules: { reasons: string[]; messages?: DisclosureMessage[] }): DisclosureMessage[] {
  const m = rules.messages;
  if (m && m.length === rules.reasons.length) return m;
  return rules.reasons.map((text) => ({ code: 'text', text }));
}

/** A summary's reasons in `lang`. */
export function reasonTexts(rules: { reasons: string[]; messages?: DisclosureMessage[] }, lang: MessageLang): string[] {
  return reasonMessages(rules).map((m) => renderMessage(m, lang));
}
