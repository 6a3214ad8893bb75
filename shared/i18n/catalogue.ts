/** The shape of one language's texts: a function per code, so a missing code fails type checking. */
import type { Message, MessageCode, MessageParams } from './message-types';

export interface MessageFormat {
  /** A count or value as the language writes it (Dutch: 1.234). */
  num(n: number): string;
  /** A nested message in the same language (e.g. a table's reasons inside an override refusal). */
  msg(m: Message): string;
}

export type MessageCatalogue = { [C in MessageCode]: (p: MessageParams[C], f: MessageFormat) => string };
