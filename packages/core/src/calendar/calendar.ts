import type { z } from 'zod';
import type { Account, PostDraftInput } from '../model/index.js';
import { parseWithSchema } from '../model/index.js';
import type { CalendarEntry, EntryQuery, ScheduleStore } from '../schedule-store/index.js';
import { listArgument, parseActor } from './actor.js';
import { approve, reject, submit } from './approval-actions.js';
import { bindContext, createCalendarContext } from './calendar-context.js';
import {
  CalendarOptionsSchema,
  type AccountPlanInput,
  type Blackout,
  type BlackoutInput,
  type CalendarOptions,
} from './calendar-options.js';
import type { Actor, NewEntries, PauseScope, Placement, Rejection } from './calendar-types.js';
import { createEntries, createMany } from './create-entries.js';
import { cancel, edit, schedule } from './entry-actions.js';
import { recycleEvergreen } from './evergreen.js';
import { isPaused, pause, resume } from './pause-actions.js';
import { addBlackout, configureAccountPlan } from './plan-settings.js';
import { moveToTop, nextFreeSlots, placeInQueue, reshuffle } from './queue-actions.js';
import { getEntry, range } from './read-actions.js';

/** The content calendar. See {@link createCalendar}. */
export interface Calendar {
  /** The store this calendar plans in. */
  readonly store: ScheduleStore;

  /**
   * Adds or replaces an account's queue and limits.
   *
   * @example
   * ```ts
   * calendar.configureAccount({ account, queue: 'Mon-Fri 10:00', dailyCap: 1 });
   * ```
   */
  configureAccount(plan: AccountPlanInput): void;

  /**
   * Adds a blackout: nothing new is placed in it. Existing entries stay; call `reshuffle`
   * to move queued ones out.
   *
   * @example
   * ```ts
   * calendar.addBlackout({ from: '2026-12-24T00:00:00Z', to: '2026-12-27T00:00:00Z', reason: 'holidays' });
   * ```
   */
  addBlackout(blackout: BlackoutInput): Blackout;

  /**
   * The next `n` free queue slots of an account at or after `from`, as ISO UTC instants,
   * respecting blackouts, the min gap, the daily cap and the slots already taken.
   *
   * @throws ValidationError when `n` is not a whole number 1 or more, or the account is unknown.
   * @example
   * ```ts
   * await calendar.nextFreeSlots('x:12', '2026-03-01T00:00:00Z', 3);
   * ```
   */
  nextFreeSlots(accountKey: string, from: string, n: number): Promise<string[]>;

  /**
   * Creates one entry per account for a draft, optionally placing them right away (in the
   * queue or at a fixed time) when no approval is needed. All or nothing. `place.at` is an
   * instant or a local wall time read in each account's zone (see {@link Placement}). The
   * draft is checked against every target network's content rules.
   *
   * @throws ValidationError listing every problem (bad draft, content rules, unknown account, bad time, slot conflicts).
   * @example
   * ```ts
   * await calendar.createEntries({ draft: { text: 'Launch day 🚀' }, accounts: ['x:12', 'bluesky:did:plc:abc'], place: 'queue' }, { by: 'ana' });
   * ```
   */
  createEntries(item: NewEntries, actor: Actor): Promise<CalendarEntry[]>;

  /**
   * Creates many entries in one pass (one store read per account, one bulk insert), all
   * or nothing. Use it to fill queues in bulk.
   *
   * @throws ValidationError listing every problem, each path starting with the item's index.
   * @example
   * ```ts
   * await calendar.createMany(posts.map((text) => ({ draft: { text }, accounts: ['x:12'], place: 'queue' })), { by: 'import' });
   * ```
   */
  createMany(items: readonly NewEntries[], actor: Actor): Promise<CalendarEntry[]>;

  /**
   * Sends a draft for review; with no approval required it is approved at once.
   *
   * @example
   * ```ts
   * await calendar.submit(entry.id, { by: 'ana' });
   * ```
   */
  submit(id: string, actor: Actor): Promise<CalendarEntry>;

  /**
   * Records an approval. When the policy is met the entry becomes `approved`, and goes on
   * to `scheduled` when it was already given a placement.
   *
   * @throws ValidationError when the role does not count for the policy or the person already approved.
   * @example
   * ```ts
   * await calendar.approve(entry.id, { by: 'li', role: 'legal' });
   * ```
   */
  approve(id: string, approval: { by: string; role: string; note?: string }): Promise<CalendarEntry>;

  /**
   * Rejects an entry under review: back to `draft`, approvals cleared. A reason is required.
   *
   * @example
   * ```ts
   * await calendar.reject(entry.id, { by: 'li', reason: 'Wrong launch date' });
   * ```
   */
  reject(id: string, actor: Rejection): Promise<CalendarEntry>;

  /**
   * Changes an entry's draft. An edit after approval (status `approved` or `scheduled`)
   * sends it back to `in_review` and clears its approvals when its policy needs any.
   *
   * @example
   * ```ts
   * await calendar.edit(entry.id, { text: 'Launch day 🚀 (updated)' }, { by: 'ana' });
   * ```
   */
  edit(id: string, draft: PostDraftInput, actor: Actor): Promise<CalendarEntry>;

  /**
   * Pins an entry at a time — an instant, or a local wall time in the account's zone —
   * checked against blackouts, min gap and daily cap unless `force`.
   *
   * @example
   * ```ts
   * await calendar.schedule(entry.id, { at: '2026-04-01T07:00:00Z', by: 'ana' });
   * ```
   */
  schedule(id: string, request: Actor & { at: string; force?: boolean }): Promise<CalendarEntry>;

  /**
   * Puts entries in their accounts' queues: each takes the next free slot from now.
   *
   * @example
   * ```ts
   * const [placed] = await calendar.addToQueue([entry.id], { by: 'ana' });
   * ```
   */
  addToQueue(ids: string | readonly string[], actor: Actor): Promise<CalendarEntry[]>;

  /**
   * Re-packs an account's queued entries into the earliest free slots from now, keeping
   * their order (`compact`, closing gaps left by cancellations or slot changes) or in a
   * random order (`random`, with an injectable `random()` for repeatability).
   *
   * @example
   * ```ts
   * await calendar.reshuffle('x:12', { by: 'ana', order: 'random' });
   * ```
   */
  reshuffle(accountKey: string, request: Actor & { order?: 'compact' | 'random'; random?: () => number }): Promise<CalendarEntry[]>;

  /**
   * Moves a queued entry to the first free slot; the rest of the queue follows in order.
   *
   * @example
   * ```ts
   * await calendar.moveToTop(entry.id, { by: 'ana' });
   * ```
   */
  moveToTop(id: string, actor: Actor): Promise<CalendarEntry[]>;

  /**
   * Cancels an entry (it keeps its history; `canceled → draft` restores it).
   *
   * @example
   * ```ts
   * await calendar.cancel(entry.id, { by: 'ana', reason: 'duplicate' });
   * ```
   */
  cancel(id: string, actor: Actor): Promise<CalendarEntry>;

  /**
   * Pauses an account or a whole brand: its scheduled entries are held (the runner skips
   * them) without losing their place; entries scheduled while paused are held too.
   *
   * @example
   * ```ts
   * await calendar.pause({ brand: 'acme' }, { by: 'ana', reason: 'crisis' });
   * ```
   */
  pause(scope: PauseScope, actor: Actor): Promise<CalendarEntry[]>;

  /**
   * Lifts a pause. Queued entries whose slot passed meanwhile are re-placed from now
   * (the whole queue is re-packed in order); pinned entries whose time passed are returned
   * as `overdue` and left as they are — the runner will publish them when due, so cancel or
   * re-schedule the ones that should not go out late.
   *
   * @example
   * ```ts
   * const { overdue } = await calendar.resume({ brand: 'acme' }, { by: 'ana' });
   * ```
   */
  resume(scope: PauseScope, actor: Actor): Promise<{ resumed: CalendarEntry[]; overdue: CalendarEntry[] }>;

  /** Whether an account is paused (itself or through its brand). */
  isPaused(accountKey: string): boolean;

  /**
   * Evergreen recycling: every published entry with `evergreen` whose last publication is
   * at least `afterDays` old and that was recycled fewer than `maxTimes` times gets a new
   * entry, queued (ids `<original>~r<n>` make this idempotent).
   *
   * @example
   * ```ts
   * const requeued = await calendar.recycleEvergreen({ by: 'evergreen-bot' });
   * ```
   */
  recycleEvergreen(actor: Actor): Promise<CalendarEntry[]>;

  /**
   * Entries scheduled in `[from, to)`, filtered by account, network, status, tag, campaign
   * or brand.
   *
   * @throws ValidationError when `to` is before `from`.
   * @example
   * ```ts
   * await calendar.range('2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z', { tags: ['launch'] });
   * ```
   */
  range(from: string, to: string, filter?: Omit<EntryQuery, 'from' | 'to'>): Promise<CalendarEntry[]>;

  /**
   * One entry by id, with its whole history (every status change: when, by whom, why), or
   * `undefined` when no entry has that id.
   *
   * @example
   * ```ts
   * const entry = await calendar.get(id);
   * for (const step of entry?.history ?? []) console.log(step.at, step.from, '→', step.to, step.by, step.reason ?? '');
   * ```
   */
  get(id: string): Promise<CalendarEntry | undefined>;

  /** The configured account for a key, or `undefined`. */
  account(accountKey: string): Account | undefined;
}

/**
 * The content calendar: entries, queues, constraints and approvals on top of any
 * `ScheduleStore`. Pure planning — it never publishes; the scheduler
 * (`@smm/core/scheduler`) does.
 *
 * @example
 * ```ts
 * const calendar = createCalendar({
 *   store: createMemoryStore(),
 *   accounts: [{
 *     account: { platform: 'bluesky', id: 'did:plc:abc', handle: 'acme.bsky.social', timeZone: 'Europe/Bucharest' },
 *     queue: 'Mon/Wed/Fri 09:00 and 17:30',
 *     minGapMs: 2 * 3_600_000,
 *     dailyCap: 2,
 *   }],
 * });
 * const [entry] = await calendar.createEntries({ draft: { text: 'Hello' }, accounts: ['bluesky:did:plc:abc'], place: 'queue' }, { by: 'ana' });
 * entry.scheduledAt; // the next free slot, e.g. '2026-03-30T06:00:00.000Z' (09:00 in Bucharest)
 * ```
 */
export function createCalendar(input: CalendarOptions): Calendar {
  const ctx = createCalendarContext(parseWithSchema(CalendarOptionsSchema, input, 'createCalendar options'));
  const calendar: Calendar = {
    store: ctx.store,
    configureAccount: (plan) => configureAccountPlan(ctx, plan),
    addBlackout: (blackout) => addBlackout(ctx, blackout),
    nextFreeSlots: (accountKey, from, n) => nextFreeSlots(ctx, accountKey, from, n),
    createEntries: async (item, actor) => createEntries(ctx, item, parseActor(actor, 'calendar.createEntries actor')),
    createMany: async (items, actor) =>
      createMany(
        ctx,
        listArgument(items, 'calendar.createMany items', '{ draft, accounts, place? }'),
        parseActor(actor, 'calendar.createMany actor'),
      ),
    submit: async (id, actor) => submit(ctx, id, parseActor(actor, 'calendar.submit actor')),
    approve: (id, approval) => approve(ctx, id, approval),
    reject: async (id, actor) => reject(ctx, id, { ...parseActor(actor, 'calendar.reject actor'), reason: actor?.reason }),
    edit: async (id, draft, actor) => edit(ctx, id, draft, parseActor(actor, 'calendar.edit actor')),
    schedule: (id, request) => schedule(ctx, id, request),
    addToQueue: async (ids, actor) =>
      placeInQueue(
        ctx,
        typeof ids === 'string' ? [ids] : listArgument(ids, 'calendar.addToQueue ids', 'entry ids'),
        parseActor(actor, 'calendar.addToQueue actor'),
        ctx.clock.now(),
      ),
    reshuffle: (accountKey, request) => reshuffle(ctx, accountKey, request),
    moveToTop: (id) => moveToTop(ctx, id),
    cancel: async (id, actor) => cancel(ctx, id, parseActor(actor, 'calendar.cancel actor')),
    pause: async (scope, actor) => pause(ctx, scope, parseActor(actor, 'calendar.pause actor')),
    resume: async (scope, actor) => resume(ctx, scope, parseActor(actor, 'calendar.resume actor')),
    isPaused: (accountKey) => isPaused(ctx, accountKey),
    recycleEvergreen: async (actor) => recycleEvergreen(ctx, parseActor(actor, 'calendar.recycleEvergreen actor')),
    range: (from, to, filter) => range(ctx, from, to, filter),
    get: async (id) => getEntry(ctx, id),
    account: (accountKey) => ctx.accounts.get(accountKey)?.account,
  };
  return bindContext(calendar, ctx);
}
