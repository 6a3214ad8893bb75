/** API errors with a message code are said in the chosen UI language; others keep their text. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toApiError } from './client';

function withLang(lang: string | null) {
  const store = new Map<string, string>(lang ? [['duiding.lang', lang]] : []);
  vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const body = { error: { code: 'expression', message: "Unknown variable 'lefetijd'", detail: { code: 'expr-unknown-variable', names: ['lefetijd'] } } };

describe('toApiError', () => {
  it('renders the code in Dutch by default and in English when chosen', () => {
    withLang(null);
    expect(toApiError(body).message).toBe("Onbekende variabele 'lefetijd'");
    withLang('en');
    expect(toApiError(body).message).toBe("Unknown variable 'lefetijd'");
  });

  it('keeps the text of an error without a code', () => {
    withLang('nl');
    expect(toApiError({ error: { code: 'internal', message: 'Iets' } }).message).toBe('Iets');
  });
});
