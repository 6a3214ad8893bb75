/**
 * The one error the weighting procedure raises for anything the user can correct: a targets file that
 * cannot be read, codes that do not match, a calibration that does not converge. It carries the problem
 * as a message code (Dutch or English in the UI); `message` is the English text the CLI prints.
 */
import { DuidingError } from '../errors';
import type { WeightMessage } from '../i18n/messages';

export class WeightingError extends DuidingError {
  declare readonly detail: WeightMessage;

  constructor(detail: WeightMessage) {
    super('weighting', detail);
    this.name = 'WeightingError';
  }
}
