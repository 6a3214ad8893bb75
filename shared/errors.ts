/**
 * The one base of every error Duiding raises on purpose: engine, store, import, transform, expression,
 * output-rule and handler errors all extend it. `code` says what went wrong for programs and tests;
 * `detail`, when the text comes from the message catalogue, is that text as a code with its parameters
 * (shared/i18n/message-types.ts), so each front end says it in its own language (the UI in its
 * language, the tabellenboek in the book's); `message` is the English text, which the CLI prints.
 * The backend maps these errors to API errors by class (electron/backend/dispatch.ts): a
 * DuidingError is something the user can correct, anything else is an internal error.
 */
import type { Message } from './i18n/message-types';
import { legacyText } from './i18n/messages';

export class DuidingError extends Error {
  readonly code: string;
  readonly detail?: Message;

  /**
   * A catalogue message as `message` gives `.message` its English text and keeps the code as `detail`;
   * `options.detail` attaches a code to a message written elsewhere (a handler's own English text).
   */
  constructor(code: string, message: string | Message, options: ErrorOptions & { detail?: Message } = {}) {
    super(typeof message === 'string' ? message : legacyText(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DuidingError';
    this.code = code;
    const detail = typeof message === 'string' ? options.detail : message;
    if (detail) this.detail = detail;
  }
}
