import type { CallName, Contract } from '../../shared/api';
import type { ParsedRequestOf } from '../../shared/api/contract';
import type { HandlerContext } from './context';
import type { AppSession } from './session';

/** The backend context as the host and Electron build it: the session is the concrete one. */
export interface AppContext extends HandlerContext {
  session: AppSession;
}

export type Handler<N extends CallName> = (args: ParsedRequestOf<Contract[N]>, ctx: AppContext) => Promise<Contract[N]['result']>;

/** Every call of the contract with its handler: a call without one is a compile error. */
export type HandlerMap = { [N in CallName]: Handler<N> };

/** The handlers of one section of the contract (shared/api/<domain>.ts): all of its calls, no others. */
export type SectionHandlers<S> = { [N in keyof S & CallName]: Handler<N> };
