import { parseApiResponse, type AdapterContext, type PublishOutput } from '@smm/core/adapter-kit';
import { CreatedStatusSchema } from './api-schemas.js';
import { asContentRefusal } from './content-refusal.js';
import { MASTODON_BUCKETS } from './rate-limits.js';
import type { StatusParams } from './status-params.js';

/** The idempotency key of part `index`: the caller's key for the root, `key:index` after it. @internal */
export function partKey(key: string | undefined, index: number): string | undefined {
  if (key === undefined) return undefined;
  return index === 0 ? key : `${key}:${index}`;
}

/**
 * Creates the statuses of a publish in order, each part after the root replying to the one
 * before (`in_reply_to_id`). Every `POST /api/v1/statuses` carries an `Idempotency-Key` (the
 * caller's key for the root, `key:n` for part n): Mastodon answers a key it saw within the
 * hour with the status it created, so a retry after a lost answer, a resumed pending publish
 * or a half-published thread never posts twice. @internal
 */
export async function createStatuses(
  statuses: StatusParams[],
  context: AdapterContext,
  idempotencyKey: string | undefined,
): Promise<PublishOutput> {
  const out: PublishOutput['parts'] = [];
  let publishedAt: string | undefined;
  let previousId: string | undefined;
  for (const [index, part] of statuses.entries()) {
    const params = previousId === undefined ? part : { ...part, in_reply_to_id: previousId };
    const key = partKey(idempotencyKey, index);
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
    previousId = created.id;
  }
  return { parts: out, ...(publishedAt === undefined ? {} : { publishedAt }) };
}
