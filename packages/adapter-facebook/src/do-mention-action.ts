import { UnsupportedFeatureError, type AdapterContext, type MentionActionInput } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { isMissingObject } from './do-delete.js';

/**
 * Acts on a comment as the Page (https://developers.facebook.com/docs/graph-api/reference/comment):
 * `like` / `unlike` (`POST` / `DELETE /{comment-id}/likes`), `hide` / `unhide`
 * (`POST /{comment-id}` with `is_hidden`: hidden from everyone but its author and their friends),
 * `delete` (`DELETE /{comment-id}`; already gone counts as done).
 * @internal
 */
export async function doMentionAction(input: MentionActionInput, context: AdapterContext, apiVersion: string): Promise<void> {
  const id = input.mention.id;
  const node = graphPath(apiVersion, id);
  switch (input.action) {
    case 'like':
    case 'unlike':
      await context.http.request({
        method: input.action === 'like' ? 'POST' : 'DELETE',
        path: graphPath(apiVersion, `${id}/likes`),
        // Liking twice leaves one like: safe to repeat.
        idempotent: true,
        signal: context.signal,
      });
      return;
    case 'hide':
    case 'unhide':
      await context.http.request({
        method: 'POST',
        path: node,
        json: { is_hidden: input.action === 'hide' },
        idempotent: true,
        signal: context.signal,
      });
      return;
    case 'delete':
      try {
        await context.http.request({ method: 'DELETE', path: node, signal: context.signal });
      } catch (error) {
        if (!isMissingObject(error)) throw error;
      }
      return;
    default:
      // Core only passes actions the capabilities declare; this keeps the switch exhaustive.
      throw new UnsupportedFeatureError(`Facebook cannot ${input.action} a comment through the Graph API`, {
        feature: input.action,
        platform: 'facebook',
      });
  }
}
