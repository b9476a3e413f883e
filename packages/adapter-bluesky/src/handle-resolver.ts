import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { ApiCallError } from '@smm/core/adapter-kit';
import type { HandleResolver } from '@smm/core/adapter-kit';
import { ResolvedHandleSchema } from './api-schemas.js';

/**
 * A handle → DID resolver through `com.atproto.identity.resolveHandle` on the account's PDS,
 * remembering answers for the life of one publish (a thread names the same people often).
 * A handle the PDS cannot resolve gives `null` (the mention stays plain text); any other
 * failure is logged and also gives `null`, so a lookup problem never blocks a post.
 * @internal
 */
export function createHandleResolver(context: AdapterContext): HandleResolver {
  const known = new Map<string, Promise<string | null>>();
  const resolve = async (handle: string): Promise<string | null> => {
    try {
      const response = await context.http.request({
        path: '/xrpc/com.atproto.identity.resolveHandle',
        searchParams: { handle },
        signal: context.signal,
      });
      return parseApiResponse(ResolvedHandleSchema, response, 'bluesky', 'GET com.atproto.identity.resolveHandle').did;
    } catch (error) {
      if (ApiCallError.isInstance(error) && error.status === 400) return null;
      context.logger.warn('could not resolve a mentioned handle: it stays plain text', {
        platform: 'bluesky',
        handle,
        error: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  };
  return (handle) => {
    let found = known.get(handle);
    if (!found) {
      found = resolve(handle);
      known.set(handle, found);
    }
    return found;
  };
}
