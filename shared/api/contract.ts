/**
 * Building blocks of the typed contract between renderer and backend. Each call has a zod request
 * schema (the backend parses every request with it: the renderer is untrusted) and a result type
 * carried as a phantom so both sides agree at compile time.
 */
import type { z } from 'zod';
import type { Message } from '../i18n/message-types';

export interface CallDef<Req extends z.ZodType = z.ZodType, Res = unknown> {
  request: Req;
  /** Phantom: never read at run time. */
  result: Res;
}

/** `call<Result>()(zodSchema)`: curried so the request type is inferred and the result type is named. */
export function call<Res>() {
  return <Req extends z.ZodType>(request: Req): CallDef<Req, Res> => ({ request, result: undefined as unknown as Res });
}

export type Section = Record<string, CallDef>;

export type RequestOf<C extends CallDef> = z.input<C['request']>;
export type ParsedRequestOf<C extends CallDef> = z.output<C['request']>;
export type ResultOf<C extends CallDef> = C['result'];

/** A typed error the backend sends back instead of a stack trace. */
export interface ApiErrorBody {
  /** `detail`: the error as a message code, so the UI can say it in its language (shared/i18n/messages.ts). */
  error: { code: string; message: string; file?: string; offset?: number | null; line?: number | null; detail?: Message };
}
