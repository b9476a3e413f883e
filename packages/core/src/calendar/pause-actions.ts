import type { CalendarEntry, EntryQuery, Hold } from '../schedule-store/index.js';
import { holdFor, nowIso, type CalendarContext } from './calendar-context.js';
import type { Actor, PauseScope } from './calendar-types.js';
import { repack } from './queue-actions.js';

function scopeKey(scope: PauseScope): string {
  return 'accountKey' in scope ? `account:${scope.accountKey}` : `brand:${scope.brand}`;
}

function scheduledIn(scope: PauseScope): EntryQuery {
  return 'accountKey' in scope
    ? { accountKeys: [scope.accountKey], statuses: ['scheduled'] }
    : { brands: [scope.brand], statuses: ['scheduled'] };
}

/** `calendar.pause`: holds the scope's scheduled entries (and ones scheduled later). @internal */
export async function pause(ctx: CalendarContext, scope: PauseScope, actor: Actor): Promise<CalendarEntry[]> {
  const hold: Hold = {
    scope: 'accountKey' in scope ? 'account' : 'brand',
    since: nowIso(ctx),
    by: actor.by,
    ...(actor.reason === undefined ? {} : { reason: actor.reason }),
  };
  ctx.pauses.set(scopeKey(scope), hold);
  const entries = (await ctx.store.query(scheduledIn(scope))).filter((entry) => entry.hold === null);
  return ctx.store.putMany(entries.map((entry) => ({ entry: { ...entry, hold }, expect: { expectedVersion: entry.version } })));
}

/**
 * `calendar.resume`: lifts the hold; queues whose slots passed are re-packed from now, pinned
 * entries whose time passed come back as `overdue`. @internal
 */
export async function resume(
  ctx: CalendarContext,
  scope: PauseScope,
  // The actor is part of the public signature (who resumed); holds record no lift.
  _actor: Actor,
): Promise<{ resumed: CalendarEntry[]; overdue: CalendarEntry[] }> {
  const { store } = ctx;
  const kind = 'accountKey' in scope ? 'account' : 'brand';
  ctx.pauses.delete(scopeKey(scope));
  const held = (await store.query(scheduledIn(scope))).filter((entry) => entry.hold?.scope === kind);
  const writes = held.map((entry) => {
    const state = ctx.accounts.get(entry.accountKey);
    return { entry: { ...entry, hold: state === undefined ? null : holdFor(ctx, state) }, expect: { expectedVersion: entry.version } };
  });
  let resumed = await store.putMany(writes);
  const now = ctx.clock.now();
  const touched = new Set(resumed.filter((e) => e.placement === 'queue' && Date.parse(e.scheduledAt!) < now).map((e) => e.accountKey));
  for (const key of touched) {
    const state = ctx.accounts.get(key);
    if (state !== undefined) await repack(ctx, state, (queued) => queued);
  }
  resumed = (await Promise.all(resumed.map((e) => store.get(e.id)))).filter((e): e is CalendarEntry => e !== undefined);
  const overdue = resumed.filter((e) => e.placement === 'pinned' && Date.parse(e.scheduledAt!) < now);
  return { resumed, overdue };
}

/** `calendar.isPaused`. @internal */
export function isPaused(ctx: CalendarContext, accountKey: string): boolean {
  const state = ctx.accounts.get(accountKey);
  return state !== undefined && holdFor(ctx, state) !== null;
}
