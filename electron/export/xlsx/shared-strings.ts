/**
 * The shared-strings part (ECMA-376 Part 1, 18.4): every distinct text once, cells refer to it by
 * index. A tabellenboek repeats its labels on every sheet and its checker's sheet repeats table, row
 * and column names on every line, so the table stays small (a few thousand strings for 300 tables).
 */
import { XML_HEAD, xmlEscape } from './xml';

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  /** Cells that refer to a shared string (the part records it). */
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.index.set(text, i);
      // Leading or trailing blanks and line breaks survive only with xml:space="preserve".
      const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
      this.items.push(`<si><t${preserve}>${xmlEscape(text)}</t></si>`);
    }
    return i;
  }

  /** Counts one more use of a string whose index the caller already has. */
  reuse(): void {
    this.uses++;
  }

  get size(): number {
    return this.items.length;
  }

  xml(): string {
    return (
      XML_HEAD +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.items.length}">` +
      this.items.join('') +
      '</sst>'
    );
  }
}
