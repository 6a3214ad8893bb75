/** Dutch texts of the weighting codes (message-types-weight.ts). */
import type { MessageFormat } from './catalogue';
import type { WeightCode, WeightParams, WeightTargetProblem } from './message-types';

const PROBLEM: Record<WeightTargetProblem, string> = {
  'not-json': 'geen geldige JSON',
  'expected-number': 'hier hoort een getal',
  'expected-object': 'hier hoort een object ({…})',
  'expected-text': 'hier hoort een tekst',
  'expected-list': 'hier hoort een lijst ([…])',
  negative: 'een doelwaarde mag niet negatief zijn',
  empty: 'de lijst is leeg',
  'unknown-field': 'onbekend veld',
  'no-targets': 'geen "margins" en geen "cells": er is niets om naar te wegen',
  'duplicate-variable': 'deze variabele heeft al een marge',
  'duplicate-code': 'deze code komt twee keer voor',
  'cell-target': 'elke cel heeft een getal "target" nodig',
  'cell-variables': 'elke cel moet dezelfde variabelen noemen',
  'csv-columns': 'verwacht drie kolommen: variabele;code;doel',
  'csv-number': 'de doelwaarde is geen getal',
  'csv-variable': 'de variabele ontbreekt',
  'csv-code': 'de code ontbreekt',
  'csv-empty': 'het bestand bevat geen doelwaarden',
  total: 'het totaal moet een positief getal zijn',
};

const where = (p: { line?: number; path?: string }) => (p.line !== undefined ? `regel ${p.line}` : p.path ? p.path : 'doelwaarden');
const list = (codes: string[]) => (codes.length > 12 ? `${codes.slice(0, 12).join(', ')} en nog ${codes.length - 12}` : codes.join(', '));
const sci = (x: number) => x.toExponential(1).replace('.', ',');

type Catalogue = { [C in WeightCode]: (p: WeightParams[C], f: MessageFormat) => string };

export const WEIGHT_NL: Catalogue = {
  'weight-targets': (p) => `Doelwaarden, ${where(p)}: ${PROBLEM[p.problem]}${p.value !== undefined ? ` (${p.value})` : ''}`,
  'weight-unknown-variable': (p) => `Onbekende variabele in de doelwaarden: ${p.variable}`,
  'weight-text-base': (p) => `Basisgewicht ${p.variable} is een tekstvariabele`,
  'weight-unknown-code': (p) => `Doelwaarden, ${where(p)}: "${p.written}" is geen code en geen waardelabel van ${p.variable}`,
  'weight-codes': (p) =>
    p.mismatches
      .map((m) =>
        [
          m.notInData.length ? `${m.variable}: code ${list(m.notInData)} heeft een doelwaarde maar geen waarnemingen (lege cel)` : '',
          m.notInTargets.length ? `${m.variable}: code ${list(m.notInTargets)} komt in de data voor maar heeft geen doelwaarde` : '',
        ]
          .filter(Boolean)
          .join('; '),
      )
      .join('; '),
  'weight-zero-target': (p) =>
    `${p.variable}: doelwaarde 0 voor code ${list(p.codes)}, die wel waarnemingen heeft; hun gewicht zou 0 worden. Filter ze weg of geef een doelwaarde`,
  'weight-totals': (p, f) =>
    `De doelwaarden van ${p.variable} tellen op tot ${f.num(p.sum)}, niet tot het totaal ${f.num(p.total)}; laat ze zo nodig schalen naar het totaal`,
  'weight-not-converged': (p, f) =>
    `Weging (${p.method}) convergeert niet na ${f.num(p.iterations)} iteraties (grootste relatieve afwijking van een doelwaarde ${sci(p.difference)})` +
    (p.bounds ? `; met grenzen ${f.num(p.bounds[0])}–${f.num(p.bounds[1])} zijn de doelwaarden misschien niet haalbaar` : '') +
    '. Er is niets opgeslagen',
  'weight-no-cases': () => 'Er blijven geen waarnemingen over om te wegen (filter, ontbrekende waarden of basisgewicht)',
  'weight-method-margins': (p) => `${p.method} weegt naar één marge of naar gezamenlijke cellen, niet naar meerdere marges`,
  'weight-bounds-method': (p) => `Grenzen gelden voor rake en linear, niet voor ${p.method}`,
  'weight-bounds': (p, f) => `Grenzen ${f.num(p.lo)},${f.num(p.hi)}: de ondergrens moet onder 1 liggen en de bovengrens erboven`,
  'weight-trim': (p, f) => `Afkappen bij ${f.num(p.max)} kan niet: het gemiddelde gewicht is ${f.num(p.mean)}`,
  'weight-variable-exists': (p) => `De dataset heeft al een variabele ${p.name}; kies een andere naam of vervang hem`,
  'weight-too-many-cells': (p, f) => `De margevariabelen hebben samen ${f.num(p.cells)} codecombinaties; dat zijn er te veel om te wegen`,
};
