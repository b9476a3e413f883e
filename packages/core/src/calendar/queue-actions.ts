import { ValidationError } from '../errors/index.js';
import { InstantSchema, parseWithSchema } from '../model/index.js';
import { IllegalTransitionError, type CalendarEntry } from '../schedule-store/index.js';
import { CountSchema } from './instant-range.js';
import { accountStateOf, entryOf, nowIso, type AccountState, type CalendarContext } from './calendar-context.js';
import type { Actor } from './calendar-types.js';
import { approvalIssue, scheduleReady, storeSteps, toScheduled } from './entry-steps.js';
import type { AccountOccupancy } from './queue-placement.js';
import { findSlots, occupancyOf, takeSlot } from './slot-search.js';

/** Puts entries in their accounts' queues, each in the next free slot from `from`. @internal */
export async function placeInQueue(ctx: CalendarContext, ids: readonly string[], actor: Actor, from: number): Promise<CalendarEntry[]> {
  const at = nowIso(ctx);
  const loaded = await Promise.all(ids.map((id) => entryOf(ctx, id)));
  const occupancies = new Map<string, AccountOccupancy>();
  const writes: Array<{ entry: CalendarEntry; expect: { expectedVersion: number } }> = [];
  const exclude = new Set(ids);
  for (const entry of loaded) {
    if (!scheduleReady(ctx, entry)) {
      if (entry.status === 'draft' || entry.status === 'in_review') throw approvalIssue(ctx, entry);
      throw new IllegalTransitionError(entry.id, entry.status, 'scheduled', ['approved', 'draft']);
    }
    const state = accountStateOf(ctx, entry.accountKey);
    let occupancy = occupancies.get(state.key);
    if (occupancy === undefined) occupancies.set(state.key, (occupancy = await occupancyOf(ctx, state, from, exclude)));
    const slot = takeSlot(ctx, state, occupancy, from);
    writes.push({ entry: toScheduled(ctx, entry, slot, 'queue', at, actor, state), expect: { expectedVersion: entry.version } });
  }
  // Status changes go through transition() (the store enforces the table); slot-only moves through put().
  const out: CalendarEntry[] = [];
  const puts = writes.filter(({ entry }, i) => loaded[i]!.status === entry.status);
  const moved = writes.filter(({ entry }, i) => loaded[i]!.status !== entry.status);
  out.push(...(await ctx.store.putMany(puts)));
  for (const { entry } of moved)
    out.push(
      await storeSteps(
        ctx,
        loaded.find((e) => e.id === entry.id)!,
        entry,
      ),
    );
  return out;
}

/** Re-places an account's queued entries, in the order `order` gives, into the first free slots from now. @internal */
export async function repack(
  ctx: CalendarContext,
  state: AccountState,
  order: (queued: CalendarEntry[]) => CalendarEntry[],
): Promise<CalendarEntry[]> {
  const now = ctx.clock.now();
  const queued = (await ctx.store.query({ accountKeys: [state.key], statuses: ['scheduled'] })).filter(
    (entry) => entry.placement === 'queue' && entry.lease === null,
  );
  const occupancy = await occupancyOf(ctx, state, now, new Set(queued.map((entry) => entry.id)));
  const writes = order(queued).map((entry) => {
    const slot = takeSlot(ctx, state, occupancy, now);
    return {
      entry: { ...entry, scheduledAt: slot.iso, updatedAt: new Date(now).toISOString() },
      expect: { expectedVersion: entry.version },
    };
  });
  return ctx.store.putMany(writes);
}

/** `calendar.nextFreeSlots`. @internal */
export async function nextFreeSlots(ctx: CalendarContext, accountKey: string, from: string, n: number): Promise<string[]> {
  const start = Date.parse(parseWithSchema(InstantSchema, from, 'nextFreeSlots from'));
  const count = parseWithSchema(CountSchema, n, 'nextFreeSlots n');
  const state = accountStateOf(ctx, accountKey);
  const occupancy = await occupancyOf(ctx, state, start);
  const out = { ms: [] as number[], iso: [] as string[] };
  findSlots(ctx, state, occupancy, start, count, true, out);
  return out.iso;
}

/** `calendar.reshuffle`. @internal */
export async function reshuffle(
  ctx: CalendarContext,
  accountKey: string,
  request: Actor & { order?: 'compact' | 'random'; random?: () => number },
): Promise<CalendarEntry[]> {
  const random = request.random ?? Math.random;
  return repack(ctx, accountStateOf(ctx, accountKey), (queued) => {
    if (request.order !== 'random') return queued;
    const shuffled = [...queued];
    for (let i = shuffled.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled;
  });
}

/** `calendar.moveToTop`. @internal */
export async function moveToTop(ctx: CalendarContext, id: string): Promise<CalendarEntry[]> {
  const entry = await entryOf(ctx, id);
  if (entry.status !== 'scheduled' || entry.placement !== 'queue') {
    throw new ValidationError('moveToTop', [
      {
        path: ['id'],
        code: 'not_queued',
        message: `entry ${id} is not in a queue (status "${entry.status}", placement ${String(entry.placement)}): addToQueue() it first`,
      },
    ]);
  }
  return repack(ctx, accountStateOf(ctx, entry.accountKey), (queued) => [
    ...queued.filter((e) => e.id === id),
    ...queued.filter((e) => e.id !== id),
  ]);
}
