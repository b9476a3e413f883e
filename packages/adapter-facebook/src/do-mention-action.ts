import { UnsupportedFeatureError, type AdapterContext, type MentionActionInput } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';

/**
 * Acts on a comment as the Page (https://developers.facebook.com/docs/graph-api/reference/comment):
 * `like` / `unlike` (`POST` / `DELETE /{comment-id}/likes`), `hide` / `unhide`
 * (`POST /{comment-id}` with `is_hidden`: hidden from everyone but its author and their friends).
 * The Page's own replies are deleted like posts (`doDelete`).
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
    default:
      // Core only passes actions the capabilities declare; this keeps the switch exhaustive.
      throw new UnsupportedFeatureError(`Facebook cannot ${input.action} a comment through the Graph API`, {
        feature: input.action,
        platform: 'facebook',
      });
  }
}
