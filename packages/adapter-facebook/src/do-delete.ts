import { ApiCallError, type AdapterContext, type PostRef } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';

/**
 * Deletes a post or a comment of the Page (`DELETE /{object-id}`,
 * https://developers.facebook.com/docs/pages-api/posts#delete). Already gone (Graph's
 * "does not exist" answer, code 100 subcode 33) counts as deleted.
 * @internal
 */
export async function doDelete(post: PostRef, context: AdapterContext, apiVersion: string): Promise<void> {
  try {
    await context.http.request({ method: 'DELETE', path: graphPath(apiVersion, post.id), signal: context.signal });
  } catch (error) {
    if (isMissingObject(error)) return;
    throw error;
  }
}

/** Graph's answer for an object that does not exist (or cannot be seen): code 100, subcode 33. @internal */
export function isMissingObject(error: unknown): boolean {
  if (!ApiCallError.isInstance(error)) return false;
  const body = error.body as { error?: { code?: number; error_subcode?: number } } | undefined;
  return body?.error?.code === 100 && body.error.error_subcode === 33;
}
