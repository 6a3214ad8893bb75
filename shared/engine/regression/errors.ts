/**
 * Model-fitting failures the user can act on (perfect separation, no convergence, collinear terms, too
 * few cases). They are EngineErrors, so the CLI prints the message as its one line; `reason` tells
 * callers which one it was.
 */
import { EngineError } from '../errors';

export type RegressionFailure = 'separation' | 'not-converged' | 'collinear' | 'too-few-cases' | 'bad-dependent' | 'unsupported';

export class RegressionError extends EngineError {
  constructor(
    readonly reason: RegressionFailure,
    message: string,
  ) {
    super('bad-design', message);
    this.name = 'RegressionError';
  }
}
