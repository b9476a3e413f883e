import type { AdapterContext, FindPublishedInput, PostRefOutput, PublishOutput } from '@smm/core/adapter-kit';
import { postWebUrl } from './at-uri.js';
import { readPostRecord, toInstant } from './read-posts.js';
import { findKeyEpoch } from './find-key-epoch.js';
import { recordKeyFor } from './record-key.js';
import type { BlueskyAdapterSettings } from './settings.js';

// Without the draft, stop after this many parts (far beyond any real thread).
const MAX_PARTS = 100;

/**
 * Finds what was published with an idempotency key: the first part is found among the
 * account's newest posts by the marker in its record key (`listRecords`, stopping at `since`
 * when given), and each later part under the record key derived from the key, its index and the
 * first part's time, read straight from the repository (`getRecord`) in order until one is
 * missing. With the draft known, a thread found only in part returns `null`, so publishing
 * again resumes it (the parts that exist are adopted, not duplicated).
 * @internal
 */
export async function doFindPublished(
  input: FindPublishedInput,
  context: AdapterContext,
  settings: BlueskyAdapterSettings,
): Promise<PublishOutput | null> {
  const sinceMs = input.since === undefined ? undefined : Date.parse(input.since);
  const epoch = await findKeyEpoch(context.account.id, input.idempotencyKey, context, sinceMs);
  if (epoch === null) return null;
  const expected = input.draft ? 1 + input.draft.thread.length : MAX_PARTS;
  const parts: PostRefOutput[] = [];
  let publishedAt: string | undefined;
  for (let index = 0; index < expected; index += 1) {
    const rkey = await recordKeyFor(input.idempotencyKey, index, epoch);
    const record = await readPostRecord(context.account.id, rkey, context);
    if (!record) break;
    publishedAt ??= toInstant(record.value.createdAt, new Date(context.clock.now()).toISOString());
    parts.push({ id: record.uri, url: postWebUrl(settings.webUrl, context.account.handle, rkey), extra: { cid: record.cid } });
  }
  if (parts.length === 0 || (input.draft && parts.length < expected)) return null;
  return { parts, ...(publishedAt ? { publishedAt } : {}) };
}
