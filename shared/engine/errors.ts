/**
 * Errors the engine raises for user-correctable problems. They carry a code and the message as a
 * catalogue code with parameters (`detail`); the engine writes no prose of its own: the text comes from
 * shared/i18n (English in `.message`, which the CLI prints; the UI renders `detail` in its language).
 */
import { DuidingError } from '../errors';
import type { EngineMessage } from '../i18n/message-types';

export type EngineErrorCode =
  'unknown-variable' | 'unknown-set' | 'bad-set' | 'string-weight' | 'string-variable' | 'empty-table' | 'bad-design' | RegressionFailure;

/** Model-fitting failures (shared/engine/regression/errors.ts). */
export type RegressionFailure = 'separation' | 'not-converged' | 'collinear' | 'too-few-cases' | 'bad-dependent' | 'unsupported';

export class EngineError extends DuidingError {
  declare readonly code: EngineErrorCode;
  declare readonly detail: EngineMessage;

  constructor(code: EngineErrorCode, detail: EngineMessage) {
    super(code, detail);
    this.name = 'EngineError';
  }
}
