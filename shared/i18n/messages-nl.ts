/** Dutch texts of the message codes (see message-types.ts), with Dutch plurals and number format. */
import type { MessageCatalogue, MessageFormat } from './catalogue';
import type { ExprExpected, MagnitudeRule, ModelCategoryKind } from './message-types';
import { WEIGHT_NL } from './messages-weight-nl';

/** "1 cel", "3 cellen", "1.234 cellen". */
const count = (f: MessageFormat, n: number, one: string, many: string) => `${f.num(n)} ${n === 1 ? one : many}`;
const units = (f: MessageFormat, n: number) => count(f, n, 'waarneming', 'waarnemingen');

const EXPECTED: Record<ExprExpected, string> = {
  'paren-after-in': "'(' na in",
  'comma-or-close': "',' of ')'",
  close: "')'",
  open: "'('",
  operand: 'een getal, tekst, variabele of (',
  'operator-or-end': 'een operator of het einde van de expressie',
};
const RULE: Record<MagnitudeRule, string> = { count: 'minimumaantalregel', dominance: 'dominantieregel', 'p-percent': 'p%-regel' };
const MODEL_KIND: Record<ModelCategoryKind, string> = { category: 'categorie', reference: 'referentiecategorie', value: 'waarde', outcome: 'uitkomst' };
const notApplied = (date: string | undefined) => (date ? `vrijgave van ${date} niet toegepast: ` : '');
const named = (label: string, code: string) => (label && label !== code ? `${code} "${label}"` : code);
const FURTHER = 'onderdrukt zodat geen onderdrukte waarde kan worden teruggerekend';

export const NL: MessageCatalogue = {
  'primary-cells': (p, f) => `${count(f, p.n, 'cel of totaal', 'cellen of totalen')} gebaseerd op minder dan ${units(f, p.min)}`,
  'primary-banner': (p, f) => `${count(f, p.n, 'cel of basis', 'cellen of bases')} gebaseerd op minder dan ${units(f, p.min)}`,
  'primary-categories': (p, f) => `${count(f, p.n, 'categorie of totaal', 'categorieën of totalen')} gebaseerd op minder dan ${units(f, p.min)}`,
  'column-base': (p, f) => `kolom "${p.label}" heeft basis ${f.num(p.base)} < ${f.num(p.min)}: kolom onderdrukt`,
  'row-base': (p, f) => `rij "${p.label}" heeft basis ${f.num(p.base)} < ${f.num(p.min)}: rij onderdrukt`,
  'all-bases-below': () => 'elke kolombasis ligt onder de drempel',
  'linked-base': (p, f) => `${count(f, p.n, 'basis', 'bases')} achtergehouden omdat een andere tabel dezelfde basis achterhoudt`,
  'no-pattern': () => 'geen onderdrukkingspatroon gevonden dat elke cel beschermt',
  'secondary-cells': (p, f) => `nog ${count(f, p.n, 'cel', 'cellen')} ${FURTHER} uit de totalen`,
  'secondary-layers': (p, f) => `nog ${count(f, p.n, 'cel', 'cellen')} ${FURTHER} uit de totalen, de andere lagen of de tabel over alle lagen`,
  'secondary-categories': (p, f) => `nog ${count(f, p.n, 'categorie', 'categorieën')} onderdrukt zodat geen enkele uit de totalen kan worden teruggerekend`,
  'secondary-magnitude': (p, f) => `nog ${count(f, p.n, 'cel', 'cellen')} ${FURTHER}`,
  'magnitude-unsafe': (p, f) => `${count(f, p.n, 'cel', 'cellen')} onveilig volgens de ${RULE[p.rule]}`,
  'means-withheld': (p, f) => `${count(f, p.n, 'gemiddelde', 'gemiddelden')} achtergehouden: groep kleiner dan ${units(f, p.min)} of terug te rekenen`,
  'chi2-withheld': () => 'chi-kwadraat achtergehouden: samen met de randtotalen zou die onderdrukte cellen kunnen verraden',
  'weight-summary-withheld': () =>
    'kleinste en grootste gewicht, variatiecoëfficiënt, design effect en effectieve n achtergehouden: bij bekende doelen verraden ze onderdrukte steekproefaantallen',
  'responses-withheld': () => 'responsen en % van de responsen achtergehouden: samen met de gepubliceerde items zouden ze onderdrukte items verraden',
  'input-suppressed': () => 'de invoer bevat al onderdrukte cellen; voer de analyse opnieuw uit op de volledige tabel',
  'input-suppressed-layers': () => 'de invoer bevat al onderdrukte cellen; voer de analyse opnieuw uit op de volledige tabellen',
  'table-small': (p, f) => `tabel gebaseerd op ${units(f, p.n)}, minder dan ${f.num(p.min)}`,
  'total-withheld': () => 'tabel over alle lagen niet gepubliceerd: geen onderdrukkingspatroon beschermt de lagen en het totaal samen',
  'total-costlier': () => 'tabel over alle lagen niet gepubliceerd: die samen met de lagen beschermen zou meer cellen achterhouden dan hem weglaten',
  'total-too-large': (p, f) =>
    `tabel over alle lagen niet gepubliceerd: meer dan ${f.num(p.max)} kleine cellen over de lagen, te veel om lagen en totaal samen te beschermen`,
  'linked-recomputable': (p) =>
    `onderdrukte waarden zouden kunnen worden teruggerekend samen met ${p.tables || 'andere tabellen'} (zelfde kolomindeling en populatie)`,
  'identifiers-not-exported': () => 'identificerende variabelen mogen niet worden geëxporteerd',
  'blocked-by-rules': () => 'geblokkeerd door de outputregels',
  'not-in-output-role': (p) => `${p.variable} mag onder ${p.ruleSet} niet in de output staan: gemarkeerd als identificatievariabele (rol ${p.role})`,
  'not-in-output-key': (p) => `${p.variable} mag onder ${p.ruleSet} niet in de output staan: lijkt op koppelsleutel ${p.key}`,
  'identifier-role': (p) => `${p.variable}: gemarkeerd als identificatievariabele (rol ${p.role})`,
  'linking-key': (p) => `${p.variable}: lijkt op koppelsleutel ${p.key}`,
  'model-df': (p, f) => `residuele vrijheidsgraden ${f.num(p.df)}, minder dan ${f.num(p.min)}`,
  'model-n': (p, f) => `model gebaseerd op ${units(f, p.n)}, minder dan ${f.num(p.min)}`,
  'model-category': (p, f) => `${p.variable}: ${MODEL_KIND[p.kind]} ${named(p.label, p.value)} telt ${units(f, p.count)}, minder dan ${f.num(p.min)}`,
  'model-leverage': (p, f) =>
    `één waarneming heeft hefboomwerking ${f.num(p.leverage)} (meer dan ${f.num(p.max)}), het meest afwijkend in ${p.term}: de schattingen zouden haar waarden tonen`,
  'model-sparse': (p, f) => `${p.variable}: maar ${units(f, p.count)} met een andere waarde dan ${p.value}, minder dan ${f.num(p.min)}`,
  'weight-role': (p) =>
    `${p.variable} kan geen tabel of model wegen: dat kan alleen een variabele met rol weight (de rol is nu ${p.role}); stel de rol in bij Variabelen`,
  'derived-identifier': (p) => `${p.variable} mag niet in de output staan: afgeleid van identificatievariabele ${p.identifier}`,
  'model-counts-unknown': () => 'aantallen per categorie konden niet worden nagegaan',
  'model-sample-mismatch': (p, f) => `steekproef voor de controle (${f.num(p.check)}) wijkt af van het model (${f.num(p.model)})`,
  'override-blocked': (p) => `vrijgave van ${p.date} niet toegepast: de tabel wordt als geheel achtergehouden`,
  'override-released': (p, f) => `${count(f, p.n, 'cel', 'cellen')} vrijgegeven op ${p.date}: ${p.reason}`,
  'override-stale-counts': (p) => `${notApplied(p.date)}de aantallen in de tabel zijn veranderd sinds de vrijgave`,
  'override-stale-cell': (p, f) => `${notApplied(p.date)}cel ${p.row} / ${p.col} heeft niet meer aantal ${f.num(p.count)}`,
  'override-no-rules': () => 'Er zijn geen outputregels actief, dus er valt niets vrij te geven.',
  'override-table-blocked': (p, f) =>
    `Deze tabel wordt als geheel achtergehouden (${p.why.map(f.msg).join('; ')}); losse cellen kunnen niet worden vrijgegeven.`,
  'override-unknown-cell': (p) => `De tabel heeft geen cel (${p.row}, ${p.col}).`,
  'set-by-set': (p) => `${p.set} is niet uitgezet tegen ${p.col}: een set kan (nog) niet tegen een andere set worden uitgezet`,
  'override-not-primary': (p) =>
    `Cel ${p.row} / ${p.col} ${p.secondary ? 'wordt alleen achtergehouden om een andere cel te beschermen' : 'is al gepubliceerd'}; alleen cellen die door een primaire regel zijn achtergehouden, kunnen worden vrijgegeven.`,
  'rules-reason-required': (p, f) =>
    `Outputregels ${p.ruleSet} zijn minder streng dan die van het project (${p.project}): geef een schriftelijke reden van minstens ${f.num(p.min)} tekens (--reason); die komt in het logboek.`,
  'rules-unchecked': (p) => `niet gecontroleerd op de outputregels van het project (${p.project}): op verzoek gemaakt onder ${p.ruleSet}`,
  'difference-cells': (p, f) =>
    `${f.num(p.n)} ${p.n === 1 ? 'cel' : 'cellen'} onderdrukt omdat het verschil met ${p.source === 'filter' ? 'dezelfde tabel zonder (een deel van) het filter' : 'een eerder vrijgegeven tabel met een ander filter'} op minder dan ${f.num(p.min)} waarnemingen berust`,
  text: (p) => p.text,

  'expr-needs-numbers': (p) => `'${p.fn}' werkt alleen met getallen; dit argument is tekst`,
  'expr-value-needs-var': () => "'value' verwacht de naam van een numerieke variabele",
  'expr-range-args': () => "'range' verwacht een waarde en daarna paren van onder- en bovengrens",
  'expr-same-type': (p) => `'${p.fn}': alle waarden moeten ${p.type === 'num' ? 'getallen' : 'tekst'} zijn`,
  'expr-range-order': (p) => `'${p.from} to ${p.to}': ${p.to} staat vóór ${p.from} in het databestand`,
  'expr-unknown-variable': (p) => (p.names.length === 1 ? `Onbekende variabele '${p.names[0]}'` : `Onbekende variabelen: ${p.names.join(', ')}`),
  'expr-needs-number': (p) => `${p.op === '-' ? 'Min' : `'${p.op}'`} werkt alleen met een getal, niet met tekst`,
  'expr-compare-types': () => 'Tekst kan niet met een getal worden vergeleken',
  'expr-filter-text': () => 'Een filter moet een voorwaarde zijn, geen tekst',
  'expr-result-text': () => 'Deze expressie geeft tekst, geen getal',
  'expr-ends-early': (p) => `De expressie houdt te vroeg op: verwacht ${EXPECTED[p.expected]}`,
  'expr-expected': (p) => `Verwacht ${EXPECTED[p.expected]} maar gevonden '${p.found}'`,
  'expr-chained-comparison': () => 'Vergelijkingen kunnen niet aan elkaar worden geschakeld: gebruik and, bijvoorbeeld a < b and b < c',
  'expr-unknown-function': (p) => `Onbekende functie '${p.name}'`,
  'expr-no-n-suffix': (p) => `'${p.name}' kent geen .n-achtervoegsel`,
  'expr-range-not-allowed': () => `Lijsten 'x to y' mogen alleen in mean, sum, min, max, sd, nvalid en nmiss`,
  'expr-arg-count': (p, f) => `'${p.name}' verwacht ${p.exact ? '' : 'minstens '}${count(f, p.min, 'argument', 'argumenten')}, maar kreeg er ${f.num(p.got)}`,
  'expr-empty': () => 'De expressie is leeg',
  'expr-unterminated-string': () => 'Tekst zonder afsluitend aanhalingsteken: voeg het sluitende aanhalingsteken toe',
  'expr-identifier': (p) =>
    `${p.variable === p.identifier ? p.variable : `${p.variable} is afgeleid van ${p.identifier}, dat`} ${p.why === 'role' ? `is gemarkeerd als identificatievariabele (rol ${p.detail})` : `lijkt op koppelsleutel ${p.detail}`}: identificatievariabelen mogen niet in filters, hercoderingen of berekende variabelen staan`,
  'expr-unexpected-char': (p) => `Onverwacht teken '${p.char}'`,

  'engine-unknown-variable': (p) => `Onbekende variabele: ${p.name}`,
  'engine-string-weight': (p) => `Weegvariabele ${p.name} is een tekstvariabele`,
  'engine-string-mean': (p) => `${p.name} is een tekstvariabele; een gemiddelde kan niet`,
  'engine-string-in-model': (p) => `${p.name} is een tekstvariabele en kan geen ${p.as === 'dependent' ? 'afhankelijke variabele' : 'predictor'} zijn`,
  'engine-empty-table': (p) => `Lege tabel: ${p.row} × ${p.col} heeft geen geldige waarnemingen`,
  'engine-empty-layers': (p) => `Lege tabel: ${p.row} × ${p.col} heeft geen geldige waarnemingen in de lagen van ${p.layers.join(', ')}`,
  'engine-no-cases': (p) => `Geen waarnemingen voor ${p.variable}${p.filter ? ` met filter "${p.filter}"` : ''}`,
  'engine-no-layers': () => 'Geen lagen opgegeven',
  'engine-too-many-layers': (p, f) => `Te veel lagen: ${p.layers.join(' × ')} geeft ${f.num(p.n)} combinaties`,
  'engine-design-missing': (p) => `${p.strataOnly ? 'Stratumvariabele' : 'Stratum- of clustervariabele'} heeft ontbrekende waarden in het ontwerp`,
  'engine-unknown-set': (p) => `Onbekende set: ${p.name}${p.known ? ` (sets: ${p.known})` : ' (de dataset heeft geen sets)'}`,
  'engine-set-no-members': (p) => `Set ${p.set} heeft geen variabelen`,
  'engine-set-mixed': (p) => `Set ${p.set} mengt numerieke en tekstvariabelen`,
  'engine-set-no-counted': (p) => `Set ${p.set} heeft geen getelde waarde`,
  'engine-set-empty-table': (p) => `Lege tabel: geen waarnemingen met een geldige waarde op ${p.set}`,
  'engine-set-in-layers': (p) => `${p.set}: een set kan de enige laag van een kruistabel zijn, niet de rijen, de kolommen of een van meer lagen`,
  'engine-set-in-nest': (p) => `${p.set}: een set kan in de banner naast andere variabelen staan, niet in een nesting`,
  'engine-set-needs-total': (p) => `${p.set}: een set in de banner vraagt om de totaalkolom (de outputregels toetsen zijn kolommen daaraan)`,
  'engine-set-by-set': (p) => `${p.set} naar ${p.col}: een set kan (nog) niet tegen een andere set worden uitgezet`,
  'reg-too-few-cases': (p, f) => `Te weinig geldige gevallen (${f.num(p.n)}) voor ${f.num(p.k)} termen`,
  'reg-fe-too-few': (p, f) => `Te weinig gevallen (${f.num(p.n)}) voor ${f.num(p.k)} predictoren en ${f.num(p.groups)} panel-eenheden`,
  'reg-no-predictors': () => 'Geen predictoren',
  'reg-unknown-group': (p) => `Groepsvariabele ${p.name} ontbreekt`,
  'reg-design-frequency': () => 'Een steekproefdesign (strata/clusters) vraagt steekproefgewichten, geen frequentiegewichten',
  'reg-fe-design': () => 'Designgebaseerde standaardfouten zijn er niet voor fixed-effects-modellen',
  'reg-fe-weights': () => 'Gewichten worden (nog) niet ondersteund bij fixed-effects-regressie',
  'reg-fe-intercept': () => 'Een fixed-effects-model heeft geen intercept',
  'reg-fe-panel': () => 'Een fixed-effects-model vraagt een panel-id (--panel)',
  'reg-few-clusters': (p) => `Clustervariabele ${p.name} heeft minder dan twee clusters`,
  'reg-single-psu': () => 'Een stratum heeft maar één PSU; de designvariantie is dan niet te schatten',
  'reg-collinear': (p) => `Term ${p.term} is (bijna) een lineaire combinatie van de andere termen of constant`,
  'reg-dependent-values': (p) => `De afhankelijke variabele ${p.name} heeft ${p.many ? 'meer dan twee geldige waarden' : 'maar één geldige waarde'}`,
  'reg-unknown-reference': (p) => `Referentiecategorie ${p.ref} komt niet voor in ${p.variable}`,
  'reg-not-converged': (p, f) => `Het logitmodel convergeert niet binnen ${f.num(p.iterations)} iteraties`,
  'reg-separation': () => 'Scheiding (separation): een combinatie van predictoren voorspelt de uitkomst (bijna) perfect; de schattingen bestaan niet',

  'chi2-fisher-fractional': () => 'Fisher niet berekend: gewogen aantallen zijn geen gehele getallen',
  'chi2-sampling': () => 'Steekproefgewicht: toets volgens Rao–Scott; Pearson en LR op de naar n herschaalde tabel, zonder p',
  'chi2-raoscott-empty': () => 'Rao–Scott niet te berekenen (te veel lege cellen)',
  'chi2-lonely-strata': (p, f) => `${f.num(p.n)} strata met één PSU dragen geen variantie bij`,
  'chi2-domain': () => 'Rao–Scott per laag als domeinschatting (R survey: subset van het ontwerp)',
  ...WEIGHT_NL,
};
