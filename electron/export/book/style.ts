/**
 * House style of exported workbooks: fonts, colours, borders and column widths as a JSON file in
 * resources/styles, so a bureau can change its look without touching code. Built-in styles are
 * imported (bundled with the app); a user style is read from a directory the user chose.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import defaultStyle from '../../../resources/styles/default.json';

const colour = z.string().regex(/^[0-9A-Fa-f]{6}$/);
const font = z.object({ size: z.number().min(5).max(40).optional(), bold: z.boolean().optional(), italic: z.boolean().optional(), color: colour.optional() });

export const houseStyleSchema = z.object({
  name: z.string(),
  font: z.object({ name: z.string().min(1).max(64), size: z.number().min(5).max(40), color: colour }),
  title: font,
  subtitle: font,
  header: font.extend({ fill: colour, border: colour }),
  body: z.object({ border: colour, stripe: colour.optional() }),
  base: font.extend({ borderTop: colour }),
  sig: font,
  symbol: font,
  note: font,
  link: font,
  columnWidths: z.object({
    stub: z.number().min(5).max(120),
    value: z.number().min(3).max(40),
    sig: z.number().min(2).max(20),
    /** The statistic's name beside a category when a table shows several per category (older styles: 18). */
    stat: z.number().min(5).max(60).default(18),
    index: z.number().min(10).max(200),
  }),
});

export type HouseStyle = z.output<typeof houseStyleSchema>;

const BUILT_IN: Record<string, unknown> = { default: defaultStyle };

/** The built-in styles by name: what a book saved in the app can name (the Tabellenboek view offers these). */
export function houseStyleNames(): string[] {
  return Object.keys(BUILT_IN);
}

/** A built-in style by name, or `<styleDir>/<name>.json` when given; validated either way. */
export async function loadHouseStyle(name: string, styleDir?: string): Promise<HouseStyle> {
  if (!/^[a-z0-9_-]{1,64}$/.test(name)) throw new Error(`invalid style name '${name}'`);
  if (styleDir) {
    try {
      return houseStyleSchema.parse(JSON.parse(await readFile(join(styleDir, `${name}.json`), 'utf8')));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  const builtIn = BUILT_IN[name];
  if (!builtIn) throw new Error(`unknown house style '${name}'`);
  return houseStyleSchema.parse(builtIn);
}
