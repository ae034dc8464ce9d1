// One dispatcher for every transport: validates params against the table, runs the handler,
// validates the result, and turns every failure into a stable {code, params}.
import { api, isMethod, type Method, type Params, type Result } from '../../shared/api.ts';
import { type ApiErrorPayload, type Envelope, errorFromPayload, UprightError } from '../../shared/errors.ts';
import { SLOW_CALL_MS } from '../diagnostics/log.ts';
import type { Services } from '../services.ts';

export interface Context {
  services: Services;
  /** Which transport the call came through; handlers rarely need it, logs do. */
  transport: 'ipc' | 'bridge' | 'cli' | 'test';
}

export type Handler<M extends Method> = (params: Params<M>, ctx: Context) => Result<M> | Promise<Result<M>>;
export type Handlers = { [M in Method]: Handler<M> };

/** The fields zod refused, as "name, cover.country" — never the submitted values. */
function invalidFields(issues: readonly { path: PropertyKey[] }[]): string {
  const fields = issues.map((issue) => (issue.path.length ? issue.path.map(String).join('.') : 'params'));
  return [...new Set(fields)].slice(0, 5).join(', ');
}

function toPayload(error: unknown, method: string): ApiErrorPayload {
  if (error instanceof UprightError) return error.toPayload();
  // Unexpected failures are logged by name only: messages may quote document text.
  const name = error instanceof Error ? error.name : typeof error;
  console.error(`[upright] internal error in ${method}: ${name}`);
  if (process.env.UPRIGHT_DEBUG && error instanceof Error) console.error(error.stack);
  return new UprightError('INTERNAL').toPayload();
}

export async function dispatch(
  handlers: Handlers,
  method: unknown,
  rawParams: unknown,
  ctx: Context,
): Promise<Envelope<unknown>> {
  const started = performance.now();
  const note = (kind: 'error' | 'slow', code: string | null) =>
    ctx.services.diagnostics?.record(kind, isMethod(method) ? method : 'unknown', code, performance.now() - started);
  if (!isMethod(method)) {
    note('error', 'UNKNOWN_METHOD');
    return {
      ok: false,
      error: new UprightError('UNKNOWN_METHOD').toPayload(),
    };
  }
  const spec = api[method];
  const parsed = spec.params.safeParse(rawParams ?? {});
  if (!parsed.success) {
    note('error', 'INVALID_PARAMS');
    return {
      ok: false,
      error: new UprightError('INVALID_PARAMS', { fields: invalidFields(parsed.error.issues) }).toPayload(),
    };
  }
  try {
    const handler = handlers[method] as (p: unknown, c: Context) => unknown;
    const result = await handler(parsed.data, ctx);
    // Parsing the result strips fields the schema does not name, so internals never leak.
    const envelope = { ok: true as const, result: spec.result.parse(result) };
    if (performance.now() - started >= SLOW_CALL_MS) note('slow', null);
    return envelope;
  } catch (error) {
    const payload = toPayload(error, method);
    note('error', payload.code);
    return { ok: false, error: payload };
  }
}

/** Calls a method and returns its typed result or throws UprightError (CLI, tests). */
export async function call<M extends Method>(
  handlers: Handlers,
  method: M,
  params: Params<M>,
  ctx: Context,
): Promise<Result<M>> {
  const envelope = await dispatch(handlers, method, params, ctx);
  if (envelope.ok) return envelope.result as Result<M>;
  throw errorFromPayload(envelope.error);
}
