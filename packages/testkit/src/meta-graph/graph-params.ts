import type { SimRequest } from '../simulator/index.js';

/** A request's parameters as Graph reads them: query and body together (strings from forms, any JSON value from JSON bodies). */
export type GraphParams = Record<string, unknown>;

/**
 * The parameters of a Graph request: Graph reads them from the query string and from the body
 * alike (form-urlencoded, multipart or JSON), so `POST /{ig-user-id}/media?image_url=…` and the same
 * fields in a form body mean the same. Body values win over query values of the same name.
 * https://developers.facebook.com/docs/graph-api/overview — "Query string parameters" / request body.
 *
 * @example
 * ```ts
 * const params = graphParams(request);
 * const creationId = params.creation_id; // '17889…'
 * ```
 */
export function graphParams(request: Pick<SimRequest, 'query' | 'body'>): GraphParams {
  const params: GraphParams = {};
  for (const [name, value] of Object.entries(request.query)) params[name] = Array.isArray(value) ? value[value.length - 1] : value;
  if (request.body && typeof request.body === 'object' && !Array.isArray(request.body)) {
    for (const [name, value] of Object.entries(request.body as Record<string, unknown>)) params[name] = value;
  }
  return params;
}

/**
 * A parameter as a string (`undefined` when absent or not a scalar).
 *
 * @example
 * ```ts
 * graphParam(params, 'creation_id'); // '17889…'
 * ```
 */
export function graphParam(params: GraphParams, name: string): string | undefined {
  const value = params[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
