/**
 * The single entry point both transports use: check the call name against the contract, parse the
 * arguments with its zod schema (the renderer is untrusted), run the handler, and turn any failure into
 * a typed error body with a message a researcher can read — never a stack trace.
 */
import { contract, type CallName } from '../../shared/api';
import type { ApiErrorBody } from '../../shared/api/contract';
import { EngineError } from '../../shared/engine/errors';
import { ImportCancelled, ImportError } from '../import/import-error';
import { ProjectError } from '../store/project-store';
import { HandlerError } from './context';
import type { AppContext, HandlerMap } from './types';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; status: number; body: ApiErrorBody };

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export async function dispatch(handlers: HandlerMap, name: string, rawArgs: unknown, ctx: AppContext): Promise<DispatchResult> {
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

/** The message code an ExprError or OutputRuleError carries, for the UI's language. */
function detailOf(e: Error): Partial<ApiErrorBody['error']> {
  const detail = (e as { detail?: ApiErrorBody['error']['detail'] }).detail;
  return detail ? { detail } : {};
}

export function toFailure(e: unknown): DispatchResult {
  if (e instanceof HandlerError) return fail(422, e.code, e.message, e.extra);
  if (e instanceof ProjectError) return fail(422, e.code, e.message);
  if (e instanceof ImportError) return fail(422, 'import', e.message, { file: e.file, offset: e.offset, line: e.line });
  if (e instanceof ImportCancelled) return fail(422, 'cancelled', 'Stopped; nothing was changed.');
  // Subclasses (e.g. RegressionError for separation or collinearity) are user-correctable too.
  if (e instanceof EngineError) return fail(422, 'analysis', e.message);
  if (e instanceof Error && e.name === 'ExprError') return fail(422, 'expression', e.message, detailOf(e));
  if (e instanceof Error && e.name === 'MrSetError') return fail(422, 'invalid', e.message);
  if (e instanceof Error && (e.name === 'PanelError' || e.name === 'MergeError' || e.name === 'RecipeError')) return fail(422, 'transform', e.message);
  if (e instanceof Error && (e.name === 'OutputRuleError' || e.name === 'InputRuleError')) return fail(422, 'output-rules', e.message, detailOf(e));
  if (e instanceof Error && e.name === 'WeightingError') return fail(422, 'weighting', e.message, detailOf(e));
  // Already in the chart's language (see electron/export/chart/prepare.ts).
  if (e instanceof Error && e.name === 'ChartWithheldError') return fail(422, 'output-rules', e.message);
  const message = e instanceof Error ? e.message : String(e);
  return fail(500, 'internal', `Something went wrong: ${message}`);
}
