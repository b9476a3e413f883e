import { parseApiResponse, UnsupportedFeatureError, type AdapterContext, type MentionActionInput } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { SuccessSchema } from './api-schemas.js';

/**
 * Hides or unhides a reply under the account's own post: `POST /{threads-reply-id}/manage_reply`
 * with `hide=true|false` (https://developers.facebook.com/documentation/threads/reply-management,
 * "Hide Replies"; top-level replies only, nested ones follow their parent; needs `threads_manage_replies`).
 *
 * @throws UnsupportedFeatureError for any other action.
 * @internal
 */
export async function doMentionAction(input: MentionActionInput, context: AdapterContext, apiVersion: string): Promise<void> {
  if (input.action !== 'hide' && input.action !== 'unhide') {
    throw new UnsupportedFeatureError(`Threads cannot ${input.action} a mention through its API: only hide and unhide replies`, {
      feature: `mention action ${input.action}`,
      platform: 'threads',
    });
  }
  const response = await context.http.request({
    method: 'POST',
    path: graphPath(apiVersion, `${encodeURIComponent(input.mention.id)}/manage_reply`),
    body: new URLSearchParams({ hide: String(input.action === 'hide') }),
    // Hiding twice hides once: safe to repeat.
    idempotent: true,
    signal: context.signal,
  });
  parseApiResponse(SuccessSchema, response, 'threads', 'POST /{threads-reply-id}/manage_reply');
}
