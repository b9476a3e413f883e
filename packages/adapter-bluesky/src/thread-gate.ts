import { ApiCallError, ValidationError, parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { parsePostUri } from './at-uri.js';
import { BLUESKY_BUCKETS, WRITE_POINTS } from './rate-limits.js';

/** The collection of thread gates: one record per thread root, under the root post's record key. */
export const THREADGATE_COLLECTION = 'app.bsky.feed.threadgate';

// Lexicon app.bsky.feed.threadgate: `hiddenReplies` holds at most 300 AT-URIs.
// https://docs.bsky.app/docs/advanced-guides/moderation#hiding-replies
const MAX_HIDDEN_REPLIES = 300;
// A concurrent edit of the same gate (another app, another agent) fails the swap; read and try again.
const MAX_SWAP_ATTEMPTS = 3;

const ThreadgateRecord = z.looseObject({
  $type: z.literal(THREADGATE_COLLECTION).optional(),
  post: z.string(),
  hiddenReplies: z.array(z.string()).optional(),
});
const GetRecordOutput = z.object({ uri: z.string(), cid: z.string(), value: ThreadgateRecord });

/** The account's gate on a thread, with the CID the next write must swap, or none yet. */
async function readGate(repo: string, rkey: string, context: AdapterContext) {
  try {
    // https://docs.bsky.app/docs/api/com-atproto-repo-get-record
    const response = await context.http.request({
      path: '/xrpc/com.atproto.repo.getRecord',
      searchParams: { repo, collection: THREADGATE_COLLECTION, rkey },
      bucket: BLUESKY_BUCKETS.read,
      signal: context.signal,
    });
    return parseApiResponse(GetRecordOutput, response, 'bluesky', 'GET com.atproto.repo.getRecord');
  } catch (error) {
    if (ApiCallError.isInstance(error) && (error.platformCode === 'RecordNotFound' || error.status === 404)) return undefined;
    throw error;
  }
}

/**
 * Hides (or shows again) a reply in a thread the account started, by editing the thread
 * root's `app.bsky.feed.threadgate` record: its `hiddenReplies` list is what the AppView
 * reads. A gate that does not exist yet is created without `allow`, so who may reply stays
 * as it was (anyone); an existing gate keeps its reply rules. Writes swap on the gate's CID,
 * so a concurrent edit is read again rather than overwritten. @internal
 *
 * @example
 * ```ts
 * // The mention replies (directly or further down) to a thread rooted at the account's post.
 * await setReplyHidden({ reply: mention.id, root: 'at://did:plc:me/app.bsky.feed.post/3kroot' }, true, context);
 * ```
 */
export async function setReplyHidden(target: { reply: string; root: string }, hidden: boolean, context: AdapterContext): Promise<void> {
  const { http, account, signal } = context;
  const root = parsePostUri(target.root, ['mention', 'subject', 'id']);
  if (root.repo !== account.id) {
    throw new ValidationError('Bluesky hide', [
      {
        path: ['mention', 'id'],
        code: 'not_own_thread',
        message: `Bluesky lets only a thread's author hide its replies, and this thread starts at ${target.root}, a post of ${root.repo}: hide replies only under the account's own posts`,
      },
    ]);
  }
  for (let attempt = 1; ; attempt += 1) {
    const gate = await readGate(account.id, root.rkey, context);
    const current = gate?.value.hiddenReplies ?? [];
    if (current.includes(target.reply) === hidden) return; // already as asked: no write
    const hiddenReplies = hidden ? [...current, target.reply] : current.filter((uri) => uri !== target.reply);
    if (hiddenReplies.length > MAX_HIDDEN_REPLIES) {
      throw new ValidationError('Bluesky hide', [
        {
          path: ['mention', 'id'],
          code: 'too_many_hidden_replies',
          message: `this thread already hides ${current.length} replies, the most Bluesky's threadgate holds (${MAX_HIDDEN_REPLIES}): show one again (unhide) before hiding another`,
        },
      ]);
    }
    const record = gate
      ? { ...gate.value, $type: THREADGATE_COLLECTION, hiddenReplies }
      : { $type: THREADGATE_COLLECTION, post: target.root, hiddenReplies, createdAt: new Date(context.clock.now()).toISOString() };
    try {
      // https://docs.bsky.app/docs/api/com-atproto-repo-put-record (swapRecord: compare-and-swap; null = must not exist yet)
      await http.request({
        method: 'POST',
        path: '/xrpc/com.atproto.repo.putRecord',
        json: { repo: account.id, collection: THREADGATE_COLLECTION, rkey: root.rkey, record, swapRecord: gate?.cid ?? null },
        bucket: BLUESKY_BUCKETS.write,
        cost: gate ? WRITE_POINTS.update : WRITE_POINTS.create,
        // The same list written twice is the same gate: a retry cannot hide anything twice.
        idempotent: true,
        signal,
      });
      return;
    } catch (error) {
      if (attempt < MAX_SWAP_ATTEMPTS && ApiCallError.isInstance(error) && error.platformCode === 'InvalidSwap') continue;
      throw error;
    }
  }
}
