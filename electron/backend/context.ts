/**
 * What every handler gets: the open project session, a way to push events, and the job runner for
 * long work. Handlers are plain async functions `(args, ctx) => result`, testable without a transport.
 */
import type { EventName, Events } from '../../shared/api';
import type { Dataset } from '../../shared/model/dataset';
import type { RuleSet } from '../../shared/disclosure/index';
import type { ProjectStore } from '../store/project-store';
import type { Message } from '../../shared/i18n/message-types';
import { DuidingError } from '../../shared/errors';

export interface Session {
  /** The open project; throws a HandlerError('no-project') when none is open. */
  store(): ProjectStore;
  /** A dataset of the open project (or the built-in `demo`), loaded once and cached in memory. */
  dataset(name: string): Dataset;
  /** Drop a cached dataset after it changed on disk. */
  invalidate(name: string): void;
  /** The project's active output-rule set (default cbs-persons). */
  ruleSet(): RuleSet;
}

export interface HandlerContext {
  session: Session;
  emit<E extends EventName>(name: E, payload: Events[E]): void;
}

/** An error a handler throws on purpose: its message is shown to the user as is (or `extra.detail` in the UI's language). */
export class HandlerError extends DuidingError {
  constructor(
    code: string,
    message: string,
    readonly extra: { file?: string; offset?: number | null; line?: number | null; detail?: Message } = {},
  ) {
    super(code, message, { detail: extra.detail });
    this.name = 'HandlerError';
  }
}
