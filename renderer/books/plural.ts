/** "1 tabel", "6 tabellen": a count with the key's `.one` or `.many` text. */
import type { StringKey } from '../i18n/strings';

type Counted<K extends string> = K extends `${infer B}.one` ? (`${B}.many` extends StringKey ? B : never) : never;

export function counted(
  t: (key: StringKey, params?: Record<string, string | number>) => string,
  num: (v: number) => string,
  key: Counted<StringKey>,
  n: number,
  params: Record<string, string> = {},
): string {
  return t(`${key}.${n === 1 ? 'one' : 'many'}` as StringKey, { ...params, n: num(n) });
}
