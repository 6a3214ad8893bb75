/**
 * The single entry point both transports use: check the call name against the contract, parse the
 * arguments with its zod schema (the renderer is untrusted), run the handler, and turn any failure into
 * a typed error body with a message a researcher can read — never a stack trace.
 */
import { contract, type CallName } from '../../shared/api';
import type { ApiErrorBody } from '../../shared/api/contract';
import { ExprError } from '../../shared/transform/expr/ast';
import { OutputRuleError } from '../../shared/analysis/output-rules';
import { EngineError } from '../../shared/engine/errors';
import { DuidingError } from '../../shared/errors';
import { PanelError } from '../../shared/transform/panel';
import { RecipeError } from '../../shared/transform/recode';
import { ChartWithheldError } from '../export/chart/prepare';
import { ImportCancelled, ImportError } from '../import/import-error';
import { HandlerError } from './context';
import type { AppContext, HandlerMap } from './types';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; status: number; body: ApiErrorBody };

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** `handlers` may be a section's (tests); the app passes them all (electron/handlers/index.ts). */
export async function dispatch(handlers: Partial<HandlerMap>, name: string, rawArgs: unknown, ctx: AppContext): Promise<DispatchResult> {
  if (!isCallName(name)) return fail(404, 'unknown-call', `Unknown call "${name}"`);
  const handler = handlers[name] as ((args: unknown, ctx: AppContext) => Promise<unknown>) | undefined;
  if (!handler) return fail(501, 'not-implemented', `The call "${name}" is not available in this version`);
  const parsed = contract[name].request.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return fail(400, 'invalid-request', `Invalid request for ${name}${where}: ${issue?.message ?? 'malformed'}`);
  }
  try {
    return { ok: true, result: await handler(parsed.data, ctx) };
  } catch (e) {
    return toFailure(e);
  }
}

function fail(status: number, code: string, message: string, extra: Partial<ApiErrorBody['error']> = {}): DispatchResult {
  return { ok: false, status, body: { error: { code, message, ...extra } } };
}

/**
 * The API's error code for an error the user can correct, by its class: the codes the renderer and
 * scripts have always seen ('analysis' for the engine, 'expression', 'transform', 'output-rules',
 * 'import'); handler, store and override errors send their own code.
 */
function apiCode(e: DuidingError): string {
  if (e instanceof EngineError) return 'analysis';
  if (e instanceof ExprError) return 'expression';
  if (e instanceof PanelError || e instanceof RecipeError) return 'transform';
  if (e instanceof OutputRuleError || e instanceof ChartWithheldError) return 'output-rules';
  if (e instanceof ImportError) return 'import';
  return e.code;
}

/** HTTP status by the error's code: what is not there, what is there already, what may not be done. */
const STATUS: Readonly<Record<string, number>> = { 'not-found': 404, 'unknown-dataset': 404, exists: 409, permission: 403 };

export function toFailure(e: unknown): DispatchResult {
  if (e instanceof ImportCancelled) return fail(422, 'cancelled', 'Stopped; nothing was changed.');
  if (e instanceof DuidingError) {
    const extra: Partial<ApiErrorBody['error']> =
      e instanceof ImportError ? { file: e.file, offset: e.offset, line: e.line } : e instanceof HandlerError ? e.extra : {};
    return fail(STATUS[e.code] ?? 422, apiCode(e), e.message, { ...extra, ...(e.detail ? { detail: e.detail } : {}) });
  }
  const message = e instanceof Error ? e.message : String(e);
  return fail(500, 'internal', `Something went wrong: ${message}`);
}
