import type { CalendarEntry } from '../schedule-store/index.js';
import { nowIso, type CalendarContext } from './calendar-context.js';
import type { Actor } from './calendar-types.js';
import { scheduleReady, toScheduled } from './entry-steps.js';
import { occupancyOf, takeSlot } from './slot-search.js';

const DAY_MS = 86_400_000;

/**
 * `calendar.recycleEvergreen`: a new queued entry for each published evergreen entry that is
 * due again (ids `<original>~r<n>` make this idempotent). @internal
 */
export async function recycleEvergreen(ctx: CalendarContext, actor: Actor): Promise<CalendarEntry[]> {
  const { store } = ctx;
  const now = ctx.clock.now();
  const published = (await store.query({ statuses: ['published'] })).filter((entry) => entry.evergreen !== undefined);
  const created: CalendarEntry[] = [];
  for (const entry of published) {
    const evergreen = entry.evergreen!;
    const generation = (entry.recycledFrom?.generation ?? 0) + 1;
    const rootId = entry.recycledFrom?.entryId ?? entry.id;
    const publishedAt = entry.published?.publishedAt ?? entry.history.findLast((record) => record.to === 'published')?.at;
    if (generation > evergreen.maxTimes || publishedAt === undefined || Date.parse(publishedAt) + evergreen.afterDays * DAY_MS > now)
      continue;
    const id = `${rootId}~r${generation}`;
    if ((await store.get(id)) !== undefined) continue;
    const state = ctx.accounts.get(entry.accountKey);
    if (state === undefined) continue;
    const at = nowIso(ctx);
    let fresh: CalendarEntry = {
      ...entry,
      id,
      status: 'draft',
      version: 0,
      scheduledAt: null,
      placement: 'queue',
      createdAt: at,
      updatedAt: at,
      history: [{ from: null, to: 'draft', at, by: actor.by, reason: `evergreen: recycled from ${entry.id}` }],
      hold: null,
      lease: null,
      recycledFrom: { entryId: rootId, generation },
    };
    delete fresh.published;
    delete fresh.error;
    delete fresh.idempotencyKey;
    if (scheduleReady(ctx, fresh)) {
      const occupancy = await occupancyOf(ctx, state, now);
      const slot = takeSlot(ctx, state, occupancy, now);
      fresh = toScheduled(ctx, fresh, slot, 'queue', at, { by: actor.by, reason: 'evergreen re-queue' }, state);
    }
    await store.insert(fresh);
    created.push(fresh);
  }
  return created;
}
