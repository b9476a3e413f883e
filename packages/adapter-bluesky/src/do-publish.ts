import { parseApiResponse, type AdapterContext, type PostRefOutput, type PublishInput, type PublishOutput } from '@smm/core/adapter-kit';
import { ApiCallError, NetworkError, TimeoutError, ValidationError } from '@smm/core/adapter-kit';
import type { PostRef } from '@smm/core/adapter-kit';
import { toBlueskyFacets } from '@smm/core/adapter-kit';
import { StrongRefSchema, type StrongRef } from './api-schemas.js';
import { POST_COLLECTION, parsePostUri, postWebUrl } from './at-uri.js';
import { createHandleResolver } from './handle-resolver.js';
import type { BlueskyOptions } from './network-options.js';
import { buildEmbed, checkVideoAltText, linkCardOf, type EmbedSources } from './post-embed.js';
import { BLUESKY_BUCKETS, WRITE_POINTS } from './rate-limits.js';
import { getPostViews, readPostRecord } from './read-posts.js';
import { findKeyEpoch } from './find-key-epoch.js';
import { keyEpochAt, recordKeyFor } from './record-key.js';
import type { BlueskyAdapterSettings } from './settings.js';

interface ReplyRefs {
  root: StrongRef;
  parent: StrongRef;
}

/** The `reply` refs of a post answering `target`: its root is the target's own root, if it has one. */
async function replyRefsFor(target: PostRef, context: AdapterContext): Promise<ReplyRefs> {
  parsePostUri(target.id, ['replyTo', 'id']);
  const view = (await getPostViews([target.id], context)).get(target.id);
  if (!view) {
    throw new ValidationError('PostDraft for Bluesky', [
      { path: ['replyTo', 'id'], code: 'reply_target_missing', message: `there is no post ${target.id} to reply to (deleted?)` },
    ]);
  }
  const parent = { uri: view.uri, cid: view.cid };
  return { parent, root: view.record.reply?.root ?? parent };
}

const partPath = (index: number): Array<string | number> => (index === 0 ? [] : ['thread', index - 1]);

// Failures after which the record may exist all the same (an earlier attempt's answer was lost,
// or a retry met the record its first attempt created).
const mayHaveWritten = (error: unknown) =>
  ApiCallError.isInstance(error) || NetworkError.isInstance(error) || TimeoutError.isInstance(error);

/**
 * Creates one post record under its derived record key, or adopts the record an earlier attempt
 * with the same idempotency key already created. Repeating createRecord with the same `rkey`
 * cannot make a second record (the PDS refuses a taken key), which is why the request is marked
 * idempotent and the HTTP client may retry it after a 5xx or a dropped connection.
 */
async function createOrAdopt(
  repo: string,
  rkey: string,
  record: Record<string, unknown> & { text: string },
  index: number,
  context: AdapterContext,
): Promise<StrongRef> {
  try {
    const response = await context.http.request({
      method: 'POST',
      path: '/xrpc/com.atproto.repo.createRecord',
      json: { repo, collection: POST_COLLECTION, rkey, record },
      bucket: BLUESKY_BUCKETS.write,
      cost: WRITE_POINTS.create,
      idempotent: true,
      signal: context.signal,
    });
    return parseApiResponse(StrongRefSchema, response, 'bluesky', 'POST com.atproto.repo.createRecord');
  } catch (error) {
    if (!mayHaveWritten(error)) throw error;
    const existing = await readPostRecord(repo, rkey, context);
    if (existing) {
      if (existing.value.text !== record.text) {
        throw new ValidationError('Bluesky publish', [
          {
            path: [...partPath(index), 'text'],
            code: 'idempotency_key_reused',
            message: `the idempotency key was already used for another post (${existing.uri}): use a new key for new content`,
          },
        ]);
      }
      context.logger.info('adopted the record an earlier attempt created', { platform: 'bluesky', uri: existing.uri });
      return { uri: existing.uri, cid: existing.cid };
    }
    if (ApiCallError.isInstance(error) && error.status === 400 && error.platformCode === 'InvalidRequest') {
      throw new ValidationError(
        'PostDraft for Bluesky',
        [{ path: partPath(index), code: 'refused_by_bluesky', message: `Bluesky refused the post: ${error.message}` }],
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * Publishes a draft: the root post, then each thread part as a reply to the one before (`reply`
 * carries the thread's root and the direct parent, both as `{ uri, cid }`). Text gets facets for
 * links, hashtags and mentions (handles resolved to DIDs); media are uploaded as blobs first.
 * Each part's record key is derived from the idempotency key, the part's index and the time of
 * the first attempt (found again by a retry), so a retried publish resumes a thread instead of
 * duplicating it.
 * @internal
 */
export async function doPublish(
  input: PublishInput<BlueskyOptions>,
  context: AdapterContext,
  settings: BlueskyAdapterSettings,
): Promise<PublishOutput> {
  const { draft, networkOptions: options } = input;
  const link = linkCardOf(draft, options, settings.linkCards);
  checkVideoAltText(draft);
  const key = context.idempotencyKey ?? globalThis.crypto.randomUUID();
  const repo = context.account.id;
  const fetchMedia = settings.fetch ?? ((request, init) => globalThis.fetch(request, init));
  const resolveHandle = settings.resolveMentions ? createHandleResolver(context) : async () => null;
  const languages = options?.langs ?? (draft.language ? [draft.language] : undefined);

  // An earlier attempt with this key fixed the time its record keys stand for: reuse it, so the
  // parts it wrote are adopted, not written again under new keys (see record-key.ts).
  const epoch = (await findKeyEpoch(repo, key, context)) ?? keyEpochAt(context.clock.now());
  const replyTo = draft.replyTo ? await replyRefsFor(draft.replyTo, context) : undefined;
  let root = replyTo?.root;
  let parent = replyTo?.parent;
  const parts: PostRefOutput[] = [];
  const all = [{ text: draft.text, media: draft.media }, ...draft.thread];
  for (const [index, part] of all.entries()) {
    const sources: EmbedSources = {
      media: part.media,
      mediaPath: [...partPath(index), 'media'],
      ...(index === 0 && options?.quote ? { quote: options.quote } : {}),
      ...(index === 0 && link ? { link } : {}),
    };
    const facets = part.text === '' ? [] : await toBlueskyFacets(part.text, resolveHandle);
    const embed = await buildEmbed(sources, context, fetchMedia);
    const record = {
      $type: POST_COLLECTION,
      text: part.text,
      createdAt: new Date(context.clock.now()).toISOString(),
      ...(facets.length > 0 ? { facets } : {}),
      ...(languages ? { langs: languages } : {}),
      ...(root && parent ? { reply: { root, parent } } : {}),
      ...(embed ? { embed } : {}),
      ...(options?.labels?.length
        ? { labels: { $type: 'com.atproto.label.defs#selfLabels', values: options.labels.map((val) => ({ val })) } }
        : {}),
      ...(options?.tags?.length ? { tags: options.tags } : {}),
    };
    const rkey = await recordKeyFor(key, index, epoch);
    const ref = await createOrAdopt(repo, rkey, record, index, context);
    parts.push({ id: ref.uri, url: postWebUrl(settings.webUrl, context.account.handle || repo, rkey), extra: { cid: ref.cid } });
    root ??= ref;
    parent = ref;
  }
  return { parts };
}
