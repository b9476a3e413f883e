import { z } from 'zod';

/**
 * The Graph error object, as every Meta API (Facebook, Instagram, Threads) sends it
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling):
 * `{ "error": { "message", "type", "code", "error_subcode", "error_user_title", "error_user_msg", "fbtrace_id", "is_transient" } }`.
 * Only `message` and `code` are always there; the rest may be absent.
 */
export const GraphErrorBodySchema = z.object({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int().optional(),
    error_subcode: z.number().int().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
    is_transient: z.boolean().optional(),
  }),
});

/** One Graph error, as {@link readGraphError} reads it. */
export interface GraphError {
  message?: string | undefined;
  type?: string | undefined;
  code?: number | undefined;
  subcode?: number | undefined;
  userTitle?: string | undefined;
  userMessage?: string | undefined;
  fbtraceId?: string | undefined;
  isTransient?: boolean | undefined;
}

/**
 * Reads the Graph error object out of a response body (parsed JSON), or undefined when the
 * body is not one. Codes sent as strings (`"code": "190"`, seen from some edges) are read as numbers.
 *
 * @example
 * ```ts
 * readGraphError({ error: { message: 'Message describing the error', type: 'OAuthException', code: 190, error_subcode: 460, fbtrace_id: 'EJplcsCHuLu' } });
 * // { message: 'Message describing the error', type: 'OAuthException', code: 190, subcode: 460, fbtraceId: 'EJplcsCHuLu' }
 * ```
 */
export function readGraphError(body: unknown): GraphError | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const raw = (body as { error?: unknown }).error;
  if (raw === null || typeof raw !== 'object') return undefined;
  const normalised: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const field of ['code', 'error_subcode'] as const) {
    const value = normalised[field];
    if (typeof value === 'string' && /^\d+$/.test(value)) normalised[field] = Number(value);
  }
  const parsed = GraphErrorBodySchema.safeParse({ error: normalised });
  if (!parsed.success) return undefined;
  const error = parsed.data.error;
  const out: GraphError = {};
  if (error.message !== undefined) out.message = error.message;
  if (error.type !== undefined) out.type = error.type;
  if (error.code !== undefined) out.code = error.code;
  if (error.error_subcode !== undefined) out.subcode = error.error_subcode;
  if (error.error_user_title) out.userTitle = error.error_user_title;
  if (error.error_user_msg) out.userMessage = error.error_user_msg;
  if (error.fbtrace_id !== undefined) out.fbtraceId = error.fbtrace_id;
  if (error.is_transient !== undefined) out.isTransient = error.is_transient;
  return out;
}
