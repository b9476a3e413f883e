import {
  ApiCallError,
  type AdapterContext,
  type PendingPublishOutput,
  type PublishOutput,
  type PublishStatusInput,
} from '@smm/core/adapter-kit';
import { createPosts, processingAnswer, type PublishSettings } from './do-publish.js';
import { mediaProcessingStatus, setAltText } from './media-upload.js';
import { findChain, readOwnTimeline } from './own-timeline.js';
import { parsePublishHandle, type XPublishHandle } from './publish-handle.js';
import type { XOptions } from './network-options.js';

/**
 * One look at a pending X publish (spec v1.1): asks X's STATUS for each media item still
 * processing; while any is, answers pending with a new handle (the finished ones dropped). Once
 * all succeeded it sends any alt text left, then creates the posts — safe to repeat: it first
 * looks for them in the account's own timeline since the publish began (by media key, else by
 * text, at their place in the thread), so a crash after posting but before that was recorded
 * never posts twice, and a thread found part way is finished from where it stopped.
 *
 * @throws ApiCallError (not retryable; `platformCode` X's error name, e.g. `InvalidMedia`) with X's message when X
 *   could not process a media item: publish again with another file.
 * @throws ValidationError when the handle was not made by this adapter. @internal
 */
export async function doGetPublishStatus(
  input: PublishStatusInput,
  context: AdapterContext,
  settings: PublishSettings,
): Promise<PublishOutput | PendingPublishOutput> {
  const handle = parsePublishHandle(input.handle);
  const still: Array<{ item: XPublishHandle['processing'][number]; info: Awaited<ReturnType<typeof mediaProcessingStatus>> }> = [];
  for (const item of handle.processing) {
    const info = await mediaProcessingStatus(item.id, context);
    if (info.state === 'failed') {
      const reason = info.error?.message ?? info.error?.name ?? 'no reason given';
      throw new ApiCallError(`X could not process media ${item.id} (${reason}): check its format and length, then publish again`, {
        status: 200,
        platform: 'x',
        ...((info.error?.name ?? info.error?.code) ? { platformCode: info.error?.name ?? info.error?.code } : {}),
        isRetryable: false,
      });
    }
    if (info.state !== 'succeeded') still.push({ item, info });
  }
  if (still.length > 0) {
    return processingAnswer(
      { ...handle, processing: still.map((entry) => entry.item) },
      still.map((entry) => entry.info),
    );
  }
  for (const item of handle.processing) if (item.altText) await setAltText(item.id, item.altText, context);

  const tweets = await readOwnTimeline(context, handle.since, settings.lookupMaxPages);
  const texts = handle.parts.map((part) => part.text);
  const found = findChain(
    tweets,
    texts,
    handle.replyToId,
    handle.parts.map((part) => part.mediaKeys),
  );
  if (found.length > 0) context.logger.info('x pending publish: posts already there', { found: found.join(','), parts: texts.length });
  return createPosts(
    { parts: handle.parts, replyToId: handle.replyToId, options: handle.options as XOptions, poll: handle.poll },
    context,
    settings,
    found,
  );
}
