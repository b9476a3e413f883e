import { parseApiResponse, type AdapterContext, type PublishInput, type PublishOutput } from '@smm/core/adapter-kit';
import { UnsupportedFeatureError, ValidationError } from '@smm/core/adapter-kit';
import type { MediaRef } from '@smm/core/adapter-kit';
import { CreatedStatusSchema } from './api-schemas.js';
import { asContentRefusal } from './content-refusal.js';
import { uploadMedia } from './media-upload.js';
import type { MastodonOptions } from './network-options.js';
import { MASTODON_BUCKETS } from './rate-limits.js';
import type { MastodonAdapterSettings } from './settings.js';
import { instanceIssues } from './instance-rules.js';
import { rootText, statusParams } from './status-params.js';

/** The idempotency key of part `index`: the caller's key for the root, `key:index` after it. @internal */
export function partKey(key: string | undefined, index: number): string | undefined {
  if (key === undefined) return undefined;
  return index === 0 ? key : `${key}:${index}`;
}

function refuseWhatMastodonCannot(input: PublishInput<MastodonOptions>, settings: MastodonAdapterSettings): void {
  const { draft, poll, scheduledAt } = input;
  // Core checks each part's text; what the instance checks beyond it (link appended, content
  // warning counted with the text, alt text, poll limits) is measured here rather than left for
  // a 422 halfway through a thread.
  const issues = instanceIssues(input, settings);
  if (issues.length > 0) throw new ValidationError('post for Mastodon', issues);
  if (scheduledAt !== undefined && draft.thread.length > 0) {
    // Each reply needs the id of the status before it, which a scheduled status does not have yet.
    throw new UnsupportedFeatureError(
      'Mastodon cannot schedule a thread natively: publish the thread at the time instead (the smm scheduler does this), or schedule a single post',
      {
        feature: 'nativeScheduling.thread',
        platform: 'mastodon',
      },
    );
  }
  if (poll && draft.media.length > 0) {
    throw new ValidationError('post for Mastodon', [
      {
        path: ['media'],
        code: 'mastodon_poll_with_media',
        message: 'Mastodon cannot attach media and a poll to one status: remove the media or the poll',
      },
    ]);
  }
}

/**
 * Publishes a draft as one status, or a thread as a chain of statuses each replying to the one
 * before (`in_reply_to_id`), uploading each part's media first. Every `POST /api/v1/statuses`
 * carries an `Idempotency-Key` (the caller's key for the root, `key:n` for part n), so a retry
 * after a lost answer, even of a half-published thread, returns the statuses already created
 * instead of posting them again. With `scheduledAt`, Mastodon keeps the status as a
 * ScheduledStatus: its id comes back with `extra.scheduled = 'true'` and `publishedAt` is the
 * scheduled time. @internal
 */
export async function doPublish(
  input: PublishInput<MastodonOptions>,
  context: AdapterContext,
  settings: MastodonAdapterSettings,
): Promise<PublishOutput> {
  refuseWhatMastodonCannot(input, settings);
  const { draft } = input;
  const parts: Array<{ text: string; media: MediaRef[] }> = [{ text: rootText(draft), media: draft.media }, ...draft.thread];
  const out: PublishOutput['parts'] = [];
  let inReplyToId = draft.replyTo?.id;
  let publishedAt: string | undefined;
  for (const [index, part] of parts.entries()) {
    const mediaIds: string[] = [];
    for (const item of part.media) mediaIds.push(await uploadMedia(item, context, settings));
    const params = statusParams(
      { index, text: part.text, mediaIds, inReplyToId },
      { draft, options: input.networkOptions, poll: input.poll, scheduledAt: input.scheduledAt },
    );
    const key = partKey(context.idempotencyKey, index);
    let created;
    try {
      const response = await context.http.request({
        method: 'POST',
        path: '/api/v1/statuses',
        json: params,
        bucket: MASTODON_BUCKETS.write,
        ...(key === undefined ? {} : { idempotencyKey: key }),
        signal: context.signal,
      });
      created = parseApiResponse(CreatedStatusSchema, response, 'mastodon', 'POST /api/v1/statuses');
    } catch (error) {
      throw asContentRefusal(error, index);
    }
    if ('scheduled_at' in created) {
      out.push({ id: created.id, extra: { scheduled: 'true' } });
      publishedAt = new Date(created.scheduled_at).toISOString();
    } else {
      out.push({ id: created.id, ...(created.url ? { url: created.url } : {}) });
      publishedAt ??= new Date(created.created_at).toISOString();
    }
    inReplyToId = created.id;
  }
  return { parts: out, ...(publishedAt === undefined ? {} : { publishedAt }) };
}
