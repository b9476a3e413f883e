import type { AdapterContext, FindPublishedInput, PublishOutput } from '@smm/core/adapter-kit';
import { listScheduledStatuses } from './scheduled-statuses.js';

/**
 * Mastodon dedupes by `Idempotency-Key` itself (the native-key strategy), so a publish retried
 * with the same key within about an hour returns the status it created, and core never needs a
 * lookup for that. What the API can still find by key is a *scheduled* status: a
 * ScheduledStatus keeps its key in `params.idempotency`. Published statuses carry no key, so
 * for them this returns null. @internal
 */
export async function doFindPublished(input: FindPublishedInput, context: AdapterContext): Promise<PublishOutput | null> {
  const scheduled = (await listScheduledStatuses(context)).find((entry) => entry.params.idempotency === input.idempotencyKey);
  if (!scheduled) return null;
  return { parts: [{ id: scheduled.id, extra: { scheduled: 'true' } }], publishedAt: new Date(scheduled.scheduled_at).toISOString() };
}
