import {
  ApiCallError,
  UnsupportedFeatureError,
  ValidationError,
  parseApiResponse,
  type AdapterContext,
  type MentionActionInput,
} from '@smm/core/adapter-kit';
import { z } from 'zod';
import { parsePostUri } from './at-uri.js';
import { doDelete } from './do-delete.js';
import { BLUESKY_BUCKETS, WRITE_POINTS } from './rate-limits.js';
import { setReplyHidden } from './thread-gate.js';

/** The actions Bluesky allows on a mention. @internal */
export const BLUESKY_MENTION_ACTIONS = ['like', 'unlike', 'hide', 'unhide', 'delete', 'block', 'mute', 'report-spam'] as const;

const PostViews = z.object({
  posts: z.array(
    z.object({
      uri: z.string(),
      cid: z.string(),
      record: z.looseObject({ reply: z.object({ root: z.object({ uri: z.string() }) }).optional() }).optional(),
      viewer: z.object({ like: z.string().optional() }).optional(),
    }),
  ),
});
const Created = z.object({ uri: z.string(), cid: z.string() });
const Report = z.object({ id: z.number() });

/** The mention's post as the AppView shows it to the account: its CID and the account's like. */
async function viewOf(uri: string, context: AdapterContext) {
  // https://docs.bsky.app/docs/api/app-bsky-feed-get-posts
  const response = await context.http.request({
    method: 'GET',
    path: '/xrpc/app.bsky.feed.getPosts',
    searchParams: { uris: [uri] },
    bucket: BLUESKY_BUCKETS.read,
    signal: context.signal,
  });
  const view = parseApiResponse(PostViews, response, 'bluesky', 'GET app.bsky.feed.getPosts').posts.find((post) => post.uri === uri);
  if (!view) {
    throw new ApiCallError(`Bluesky shows no post ${uri} (deleted, or hidden from this account): nothing to act on`, {
      status: 404,
      platform: 'bluesky',
      isRetryable: false,
    });
  }
  return view;
}

/**
 * Runs one action on a mention: likes and blocks are records in the account's repository
 * (`com.atproto.repo.createRecord`), a hidden reply is listed in the thread root's
 * `app.bsky.feed.threadgate`, a mute is `app.bsky.graph.muteActor`, a report
 * `com.atproto.moderation.createReport` with `reasonSpam`. @internal
 *
 * @example
 * ```ts
 * await doMentionAction({ action: 'like', mention }, context); // an app.bsky.feed.like record of the mention
 * ```
 */
export async function doMentionAction(input: MentionActionInput, context: AdapterContext): Promise<void> {
  const { http, signal, account } = context;
  const uri = input.mention.id;
  const createRecord = async (collection: string, record: Record<string, unknown>) => {
    // https://docs.bsky.app/docs/api/com-atproto-repo-create-record (3 write points)
    const response = await http.request({
      method: 'POST',
      path: '/xrpc/com.atproto.repo.createRecord',
      json: {
        repo: account.id,
        collection,
        record: { $type: collection, ...record, createdAt: new Date(context.clock.now()).toISOString() },
      },
      bucket: BLUESKY_BUCKETS.write,
      cost: WRITE_POINTS.create,
      signal,
    });
    parseApiResponse(Created, response, 'bluesky', 'POST com.atproto.repo.createRecord');
  };
  switch (input.action) {
    // Lexicon app.bsky.feed.like: a strong ref (uri + cid) to the post. https://docs.bsky.app/docs/tutorials/like-repost
    case 'like': {
      const view = await viewOf(uri, context);
      if (view.viewer?.like) return; // already liked: a second record would count twice
      return createRecord('app.bsky.feed.like', { subject: { uri: view.uri, cid: view.cid } });
    }
    // Unliking deletes the like record the AppView names. https://docs.bsky.app/docs/api/com-atproto-repo-delete-record
    case 'unlike': {
      const like = (await viewOf(uri, context)).viewer?.like;
      if (!like) return;
      const rkey = like.slice(like.lastIndexOf('/') + 1);
      await http.request({
        method: 'POST',
        path: '/xrpc/com.atproto.repo.deleteRecord',
        json: { repo: account.id, collection: 'app.bsky.feed.like', rkey },
        bucket: BLUESKY_BUCKETS.write,
        cost: WRITE_POINTS.delete,
        idempotent: true,
        signal,
      });
      return;
    }
    // A reply is hidden through the thread root's threadgate (`hiddenReplies`), which only the root's author may write.
    case 'hide':
    case 'unhide': {
      const root = (await viewOf(uri, context)).record?.reply?.root.uri;
      if (!root) {
        throw new ValidationError('Bluesky hide', [
          {
            path: ['mention', 'id'],
            code: 'not_a_reply',
            message: `Bluesky hides replies only, and ${uri} is not a reply to a thread: block or mute its author instead`,
          },
        ]);
      }
      return setReplyHidden({ reply: uri, root }, input.action === 'hide', context);
    }
    // Lexicon app.bsky.graph.block: the subject is the author's DID. https://docs.bsky.app/docs/api/com-atproto-repo-create-record
    case 'block':
      return createRecord('app.bsky.graph.block', { subject: input.mention.author.id });
    // Private to the account: https://docs.bsky.app/docs/api/app-bsky-graph-mute-actor
    case 'mute':
      await http.request({
        method: 'POST',
        path: '/xrpc/app.bsky.graph.muteActor',
        json: { actor: input.mention.author.id },
        bucket: BLUESKY_BUCKETS.read,
        idempotent: true,
        signal,
      });
      return;
    // https://docs.bsky.app/docs/api/com-atproto-moderation-create-report (reason up to 2000 graphemes)
    case 'report-spam': {
      parsePostUri(uri, ['mention', 'id']);
      const view = await viewOf(uri, context);
      const response = await http.request({
        method: 'POST',
        path: '/xrpc/com.atproto.moderation.createReport',
        json: {
          reasonType: 'com.atproto.moderation.defs#reasonSpam',
          subject: { $type: 'com.atproto.repo.strongRef', uri: view.uri, cid: view.cid },
          ...(input.reason ? { reason: input.reason } : {}),
        },
        bucket: BLUESKY_BUCKETS.read,
        signal,
      });
      parseApiResponse(Report, response, 'bluesky', 'POST com.atproto.moderation.createReport');
      return;
    }
    case 'delete':
      return doDelete({ platform: 'bluesky', id: uri }, context);
    default:
      throw new UnsupportedFeatureError(`Bluesky has no API for "${input.action}" here: use one of ${BLUESKY_MENTION_ACTIONS.join(', ')}`, {
        feature: `mentionActions.${input.action}`,
        platform: 'bluesky',
      });
  }
}
