/**
 * Model-fitting failures the user can act on (perfect separation, no convergence, collinear terms, too
 * few cases). They are EngineErrors, so the CLI prints the message as its one line; `reason` (also the
 * `code`) tells callers which one it was.
 */
import { EngineError, type RegressionFailure } from '../errors';
import type { EngineMessage } from '../../i18n/message-types';

export type { RegressionFailure };

export class RegressionError extends EngineError {
  constructor(
    readonly reason: RegressionFailure,
    detail: EngineMessage,
  ) {
    super(reason, detail);
    this.name = 'RegressionError';
  }
}
