/**
 * `chi2.note`: the chi-square notes as one text, as the CLI JSON has always carried it (Dutch, joined
 * by "; "). The engine sets only the codes (`chi2.notes`); results get the text here, on their way out.
 */
import { legacyText } from '../i18n/messages';
import type { CrosstabTable } from '../model/results';

export function withChi2NoteText(t: CrosstabTable): CrosstabTable {
  const notes = t.chi2?.notes;
  if (!t.chi2 || !notes || notes.length === 0) return t;
  return { ...t, chi2: { ...t.chi2, note: notes.map(legacyText).join('; ') } };
}
