import { z } from 'zod';

/**
 * The Graph API version the adapters call by default: the newest one Meta's changelog lists
 * (v26.0, introduced 29 July 2026; https://developers.facebook.com/docs/graph-api/changelog/versions/).
 * An app pins another with the adapter's `apiVersion` setting.
 */
export const GRAPH_API_VERSION = 'v26.0';

/**
 * The Threads API version: Threads has its own versioning, `v1.0` in every path
 * (https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions).
 */
export const THREADS_API_VERSION = 'v1.0';

/**
 * A Graph API version setting: `v` then major.minor (`v26.0`), as Meta spells it in paths.
 *
 * @example
 * ```ts
 * graphApiVersionSchema.parse('v26.0'); // 'v26.0'
 * graphApiVersionSchema.safeParse('26').success; // false
 * ```
 */
export const graphApiVersionSchema = z
  .string()
  .regex(/^v\d{1,3}\.\d{1,2}$/, { error: `must be a Graph API version such as ${GRAPH_API_VERSION} (a "v", the major, a dot, the minor)` });

/**
 * A Graph path with its version: `graphPath('v26.0', '/me/accounts')` → `/v26.0/me/accounts`.
 * Leading slashes on `path` are optional; the adapters never join versions by hand.
 *
 * @example
 * ```ts
 * graphPath(GRAPH_API_VERSION, '17841400008460056/media'); // '/v26.0/17841400008460056/media'
 * graphPath(THREADS_API_VERSION, '/me/threads'); // '/v1.0/me/threads'
 * ```
 */
export function graphPath(version: string, path: string): string {
  return `/${version}/${path.replace(/^\/+/, '')}`;
}
