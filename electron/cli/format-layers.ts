/** Text output of a layered crosstab: each layer's table under its own heading, then the total. */
import type { LayeredCrosstab, LayeredCrosstabMulti } from '../../shared/engine/layer-result';
import { renderMessage } from '../../shared/i18n/messages';
import { oneCrosstab, rulesLine } from './format-tables';

function oneLayered(r: LayeredCrosstab): string {
  const parts = r.layers.map((l) => {
    const what = l.keys.map((k) => `${k.variable} = ${String(k.code)} (${k.label})`).join(', ');
    return `== Layer: ${what} ==\n${oneCrosstab(l.table)}`;
  });
  // A set's items overlap: its total is the set's base, not the sum of the layers.
  const heading = r.overlapping ? `== Total: base of ${r.overlapping.set} (the items overlap) ==` : `== Total over ${r.layerVariables.join(', ')} ==`;
  if (r.total) parts.push(`${heading}\n${oneCrosstab(r.total)}`);
  else if (r.totalWithheld) {
    const why = r.totalWithheldMessage ? renderMessage(r.totalWithheldMessage, 'en') : r.totalWithheld;
    parts.push(`${heading}\n${why}`);
  }
  parts.push(`All tables together — ${rulesLine(r.rules)}`);
  return parts.join('\n\n');
}

export function layeredText(r: LayeredCrosstab | LayeredCrosstabMulti): string {
  return 'tables' in r ? r.tables.map(oneLayered).join('\n\n') : oneLayered(r);
}
