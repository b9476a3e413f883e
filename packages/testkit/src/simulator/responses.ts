/**
 * A JSON response with the given status and headers.
 *
 * @example
 * ```ts
 * json(404, { error: 'Record not found' });
 * ```
 */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/**
 * A 200 whose body is cut-off JSON (what the `malformed-json` fault answers).
 *
 * @example
 * ```ts
 * await malformedJson().json(); // throws SyntaxError
 * ```
 */
export function malformedJson(headers: Record<string, string> = {}): Response {
  return new Response('{"data": {"id": "12', { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}
