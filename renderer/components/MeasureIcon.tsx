/** A small coloured badge for the measurement level (N/O/S), as SPSS shows next to variable names. */
import type { Measure } from '../../shared/model/dataset';

const LETTER: Record<Measure, string> = { nominal: 'N', ordinal: 'O', scale: 'S' };

export function MeasureIcon({ measure }: { measure: Measure }) {
  return (
    <span className={`measure-icon measure-${measure}`} aria-hidden="true" title={measure}>
      {LETTER[measure]}
    </span>
  );
}
