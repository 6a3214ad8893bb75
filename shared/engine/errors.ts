/** Errors the engine raises for user-correctable problems; the CLI prints `message` as its one line. */
export type EngineErrorCode = 'unknown-variable' | 'unknown-set' | 'bad-set' | 'string-weight' | 'string-variable' | 'empty-table' | 'bad-design';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
