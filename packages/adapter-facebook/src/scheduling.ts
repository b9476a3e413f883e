import { ValidationError, type AdapterContext } from '@smm/core/adapter-kit';

/** Graph's fields for a natively scheduled post: unpublished, to go live at a Unix time. @internal */
export interface ScheduleFields {
  published: false;
  scheduled_publish_time: number;
}

const describe = (ms: number) => (ms >= 86_400_000 ? `${Number((ms / 86_400_000).toFixed(1))} days` : `${Math.round(ms / 60_000)} minutes`);

/**
 * The fields that schedule a post at `scheduledAt` (`published=false` and
 * `scheduled_publish_time` as a Unix time, https://developers.facebook.com/docs/pages-api/posts),
 * or nothing when the post goes live now. Graph refuses a time outside its window; the adapter
 * refuses it first, before any request, naming the field.
 *
 * @throws ValidationError at `scheduledAt` when the time is closer than `window.minLeadMs` or further than `window.maxLeadMs`.
 * @internal
 */
export function scheduleFields(
  scheduledAt: string | undefined,
  context: Pick<AdapterContext, 'clock'>,
  window: { minLeadMs: number; maxLeadMs: number },
): ScheduleFields | undefined {
  if (scheduledAt === undefined) return undefined;
  const atMs = Date.parse(scheduledAt);
  const lead = atMs - context.clock.now();
  if (lead < window.minLeadMs || lead > window.maxLeadMs) {
    throw new ValidationError('Facebook scheduled post', [
      {
        path: ['scheduledAt'],
        code: 'out_of_range',
        message: `must be between ${describe(window.minLeadMs)} and ${describe(window.maxLeadMs)} from now for Facebook's scheduled_publish_time (it is ${lead < 0 ? 'in the past' : `${describe(lead)} ahead`}): pick a time in that window, or publish now and schedule in your own calendar`,
      },
    ]);
  }
  return { published: false, scheduled_publish_time: Math.floor(atMs / 1000) };
}
