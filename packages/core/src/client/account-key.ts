/** An account given to `createClient`: `"platform:id"` (e.g. `"bluesky:did:plc:abc"`) or `{ platform, id }`. */
export type AccountRef = string | { platform: string; id: string };

/**
 * The `"platform:id"` key of an account, as `createClient` takes credentials and references.
 *
 * @example
 * ```ts
 * accountKey({ platform: 'bluesky', id: 'did:plc:abc' }); // 'bluesky:did:plc:abc'
 * ```
 */
export function accountKey(account: { platform: string; id: string }): string {
  return `${account.platform}:${account.id}`;
}
