import type { CallName, Contract } from '../../shared/api';
import type { ParsedRequestOf } from '../../shared/api/contract';
import type { HandlerContext } from './context';
import type { AppSession } from './session';

/** The backend context as the host and Electron build it: the session is the concrete one. */
export interface AppContext extends HandlerContext {
  session: AppSession;
}

export type Handler<N extends CallName> = (args: ParsedRequestOf<Contract[N]>, ctx: AppContext) => Promise<Contract[N]['result']>;

export type HandlerMap = { [N in CallName]?: Handler<N> };
