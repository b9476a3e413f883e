import {
  ValidationError,
  type AdapterContext,
  type AdapterMediaRef,
  type PendingPublishOutput,
  type PublishInput,
  type PublishOutput,
} from '@smm/core/adapter-kit';
import { publicMediaUrl } from '@smm/meta-graph';
import { advanceChain } from './chain.js';
import type { ThreadsOptions } from './network-options.js';
import type { HandlePart, ThreadsHandle } from './pending-handle.js';
import { checkThreadsQuotas } from './publishing-limit.js';
import type { ThreadsAdapterSettings } from './settings.js';

/** Lookups start this long before the publish, so a clock a little ahead of Meta's still finds the post. */
const LOOKUP_MARGIN_MS = 5 * 60_000;

async function partMedia(
  media: readonly AdapterMediaRef[],
  settings: ThreadsAdapterSettings,
  context: AdapterContext,
): Promise<HandlePart['media']> {
  const out: HandlePart['media'] = [];
  for (const [index, item] of media.entries()) {
    const url = await publicMediaUrl(item, settings.mediaHost, { network: 'Threads', index, signal: context.signal });
    out.push({ kind: item.kind === 'video' ? 'video' : 'image', url, ...(item.altText ? { altText: item.altText } : {}) });
  }
  return out;
}

/**
 * Publishes a post, a reply (`draft.replyTo`) or a chain (`draft.thread`): checks the link rule
 * and the publishing quotas first (nothing is created past the cap), puts every file or stream at
 * a public URL through the `mediaHost` setting (media given by URL is used as is), then creates
 * the first part's container and answers pending; core polls `doGetPublishStatus`, which
 * publishes each part once its container is `FINISHED` and creates the next one as a reply to it.
 *
 * @throws ValidationError at `link` when the first part has media (Threads attaches a link preview to text-only posts), or at `media[i].source` when a file needs the `mediaHost` setting.
 * @throws PublishingLimitError when the 250 posts or 1,000 replies of the last 24 h are used up.
 * @internal
 */
export async function doPublish(
  input: PublishInput<ThreadsOptions>,
  context: AdapterContext,
  settings: ThreadsAdapterSettings,
): Promise<PublishOutput | PendingPublishOutput> {
  const { draft, networkOptions } = input;
  if (draft.link && draft.media.length > 0) {
    throw new ValidationError('PostDraft for Threads', [
      {
        path: ['link'],
        code: 'link_with_media',
        message: 'Threads attaches a link preview (link_attachment) only to a text post: put the URL in the text, or publish without media',
      },
    ]);
  }
  const replyTo = draft.replyTo?.id;
  const count = 1 + draft.thread.length;
  await checkThreadsQuotas({ posts: replyTo ? 0 : 1, replies: replyTo ? count : count - 1 }, context, settings.apiVersion);
  const parts: HandlePart[] = [
    { text: draft.text, media: await partMedia(draft.media, settings, context), ...(draft.link ? { link: draft.link } : {}) },
  ];
  for (const part of draft.thread) {
    parts.push({ text: part.text, media: await partMedia(part.media, settings, context) });
  }
  const handle: ThreadsHandle = {
    v: 1,
    since: new Date(context.clock.now() - LOOKUP_MARGIN_MS).toISOString(),
    ...(replyTo ? { replyTo } : {}),
    ...(networkOptions?.quotePostId ? { quotePostId: networkOptions.quotePostId } : {}),
    ...(networkOptions?.replyControl ? { replyControl: networkOptions.replyControl } : {}),
    // A chain retried after a partial success may have its first part live already.
    ...(draft.thread.length > 0 ? { lookFirst: true } : {}),
    parts,
  };
  return advanceChain(handle, context, settings);
}
