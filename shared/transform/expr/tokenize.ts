/**
 * Hand-written tokenizer. It never evaluates anything: it only turns characters into tokens, so a
 * filter typed by a user (or read from a project file) can never run code.
 */
import { ExprError } from './ast';

export type TokenType = 'num' | 'str' | 'ident' | 'op' | 'eof';

export interface Token {
  type: TokenType;
  /** Operators are canonical ('==' becomes '=', '~=' and '!=' become '<>', '&' becomes 'and' ...). */
  text: string;
  value: number;
  pos: number;
}

/** Symbols and their canonical spelling, longest first so '**' wins over '*'. */
const SYMBOLS: [string, string][] = [
  ['**', '**'],
  ['<=', '<='],
  ['>=', '>='],
  ['<>', '<>'],
  ['~=', '<>'],
  ['!=', '<>'],
  ['==', '='],
  ['=', '='],
  ['<', '<'],
  ['>', '>'],
  ['+', '+'],
  ['-', '-'],
  ['*', '*'],
  ['/', '/'],
  ['(', '('],
  [')', ')'],
  [',', ','],
  ['&', 'and'],
  ['|', 'or'],
  ['~', 'not'],
];

/** SPSS keyword operators, written as words. */
const WORD_OPS: Record<string, string> = {
  and: 'and',
  or: 'or',
  not: 'not',
  eq: '=',
  ne: '<>',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
};

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentStart = (c: string): boolean => /[A-Za-z_@#$\u00C0-\uFFFF]/.test(c);
const isIdentPart = (c: string): boolean => isIdentStart(c) || isDigit(c) || c === '.';

function readNumber(text: string, start: number): { end: number; value: number } {
  let i = start;
  while (i < text.length && isDigit(text[i])) i++;
  if (text[i] === '.') {
    i++;
    while (i < text.length && isDigit(text[i])) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    let j = i + 1;
    if (text[j] === '+' || text[j] === '-') j++;
    if (isDigit(text[j] ?? '')) {
      while (j < text.length && isDigit(text[j])) j++;
      i = j;
    }
  }
  return { end: i, value: Number(text.slice(start, i)) };
}

function readString(text: string, start: number): { end: number; value: string } {
  const quote = text[start];
  let i = start + 1;
  let out = '';
  for (;;) {
    if (i >= text.length) throw new ExprError({ code: 'expr-unterminated-string' }, start);
    const c = text[i];
    if (c === quote) {
      // A doubled quote inside a string stands for one quote, as in SPSS.
      if (text[i + 1] === quote) {
        out += quote;
        i += 2;
        continue;
      }
      return { end: i + 1, value: out };
    }
    out += c;
    i++;
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      const { end, value } = readNumber(text, i);
      tokens.push({ type: 'num', text: text.slice(i, end), value, pos: i });
      i = end;
      continue;
    }
    if (c === "'" || c === '"') {
      const { end, value } = readString(text, i);
      tokens.push({ type: 'str', text: value, value: NaN, pos: i });
      i = end;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < text.length && isIdentPart(text[j])) j++;
      // A name may not end in a period (SPSS rule); leave it for the next token.
      while (text[j - 1] === '.') j--;
      const word = text.slice(i, j);
      const op = WORD_OPS[word.toLowerCase()];
      tokens.push(op ? { type: 'op', text: op, value: NaN, pos: i } : { type: 'ident', text: word, value: NaN, pos: i });
      i = j;
      continue;
    }
    const sym = SYMBOLS.find(([s]) => text.startsWith(s, i));
    if (!sym) throw new ExprError({ code: 'expr-unexpected-char', char: c }, i);
    tokens.push({ type: 'op', text: sym[1], value: NaN, pos: i });
    i += sym[0].length;
  }
  tokens.push({ type: 'eof', text: '', value: NaN, pos: text.length });
  return tokens;
}
