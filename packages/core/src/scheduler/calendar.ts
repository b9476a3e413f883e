import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/index.js';
import { InstantSchema, parsePostDraft, parseWithSchema, type Account, type PostDraft, type PostDraftInput } from '../model/index.js';
import { isApproved, resolveApprovalPolicy, type ApprovalPolicy } from './approval-policy.js';
import { accountKeyOf, EvergreenSchema, type CalendarEntry, type Evergreen, type Hold } from './calendar-entry.js';
import {
  AccountPlanSchema,
  BlackoutSchema,
  CalendarOptionsSchema,
  type AccountPlanInput,
  type Blackout,
  type CalendarOptions,
} from './calendar-options.js';
import { ENTRY_TRANSITIONS, SLOT_HOLDING_STATUSES, type EntryStatus } from './entry-status.js';
import { EntryNotFoundError, IllegalTransitionError, NoFreeSlotError } from './errors.js';
import { AccountOccupancy, type PlacementLimits } from './queue-placement.js';
import type { EntryQuery } from './schedule-store.js';
import { SlotExpander, localDayOf } from './slot-expansion.js';
import { parseWeeklySlots, type SlotRule } from './slot-rules.js';
import { applyTransition } from './transition.js';

const DAY_MS = 86_400_000;
/** Shared by new entries; entries are never mutated once stored. */
const NO_APPROVALS = Object.freeze([]) as unknown as CalendarEntry['approvals'];

/** Where a new entry goes: the account's queue, or a fixed instant. */
export type Placement = 'queue' | { at: string };

/** One draft for one or more accounts, as `createEntries` takes it. */
export interface NewEntries {
  draft: PostDraftInput;
  /** Account keys (`platform:id`) of configured accounts. */
  accounts: readonly string[];
  /** Place right away (needs no approval, or the entries stay drafts remembering the placement). */
  place?: Placement;
  evergreen?: Evergreen;
}

/** Who does something, and why. */
export interface Actor {
  by: string;
  reason?: string;
}

/** A pause scope: one account, or every account of a brand. */
export type PauseScope = { accountKey: string } | { brand: string };

interface AccountState {
  account: Account;
  key: string;
  rules: SlotRule[];
  rulesKey: string;
  minGapMs: number;
  dailyCap: number;
}

/** The content calendar. See {@link createCalendar}. */
export type Calendar = ReturnType<typeof createCalendar>;

/**
 * The planning half of the scheduler: entries, queues, constraints and approvals on top of
 * any {@link ScheduleStore}. Pure planning — it never publishes; the runner does.
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
export function createCalendar(input: CalendarOptions) {
  const options = parseWithSchema(CalendarOptionsSchema, input, 'createCalendar options');
  const { store, clock, approvals } = options;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const expander = new SlotExpander();
  const accounts = new Map<string, AccountState>();
  const blackouts: Blackout[] = [...options.blackouts];
  const pauses = new Map<string, Hold>();
  let limitsCache = new Map<string, PlacementLimits>();
  const policies = new Map<string, ApprovalPolicy>();

  function nowIso(): string {
    return new Date(clock.now()).toISOString();
  }

  function configure(plan: z.output<typeof AccountPlanSchema>): AccountState {
    const rules = typeof plan.queue === 'string' ? parseWeeklySlots(plan.queue) : plan.queue;
    const state: AccountState = {
      account: plan.account,
      key: accountKeyOf(plan.account),
      rules,
      rulesKey: JSON.stringify(rules),
      minGapMs: plan.minGapMs,
      dailyCap: plan.dailyCap ?? Infinity,
    };
    accounts.set(state.key, state);
    limitsCache = new Map();
    policies.clear();
    return state;
  }
  for (const plan of options.accounts) configure(plan);

  function accountOf(key: string): AccountState {
    const state = accounts.get(key);
    if (state === undefined) {
      throw new ValidationError('account', [
        {
          path: ['accountKey'],
          code: 'unknown_account',
          message: `"${key}" is not a configured account: add it with configureAccount() (keys are platform:id)`,
        },
      ]);
    }
    return state;
  }

  async function entryOf(id: string): Promise<CalendarEntry> {
    const entry = await store.get(id);
    if (entry === undefined) throw new EntryNotFoundError(id);
    return entry;
  }

  function limitsOf(state: AccountState): PlacementLimits {
    const cached = limitsCache.get(state.key);
    if (cached !== undefined) return cached;
    const windows = blackouts
      .filter(
        (b) =>
          (b.accountKeys === undefined && b.brands === undefined) ||
          b.accountKeys?.includes(state.key) ||
          (state.account.brand !== undefined && b.brands?.includes(state.account.brand)),
      )
      .map((b) => ({ from: Date.parse(b.from), to: Date.parse(b.to) }))
      .sort((a, b) => a.from - b.from);
    const limits = { minGapMs: state.minGapMs, dailyCap: state.dailyCap, blackouts: windows };
    limitsCache.set(state.key, limits);
    return limits;
  }

  function holdFor(state: AccountState): Hold | null {
    return (
      pauses.get(`account:${state.key}`) ??
      (state.account.brand === undefined ? undefined : pauses.get(`brand:${state.account.brand}`)) ??
      null
    );
  }

  function policyFor(entry: { accountKey: string; brand?: string | undefined }): ApprovalPolicy {
    let policy = policies.get(entry.accountKey);
    if (policy === undefined) policies.set(entry.accountKey, (policy = resolveApprovalPolicy(approvals, entry.accountKey, entry.brand)));
    return policy;
  }

  /** Loads what the account has near and after `from`, minus `exclude`d entries. */
  async function occupancyOf(state: AccountState, from: number, exclude: ReadonlySet<string> = new Set()): Promise<AccountOccupancy> {
    const occupancy = new AccountOccupancy(state.account.timeZone);
    const margin = Math.max(state.minGapMs, 2 * DAY_MS);
    const held = await store.query({
      accountKeys: [state.key],
      statuses: SLOT_HOLDING_STATUSES,
      from: new Date(from - margin).toISOString(),
    });
    for (const entry of held) if (!exclude.has(entry.id)) occupancy.add(Date.parse(entry.scheduledAt!));
    return occupancy;
  }

  /** Finds up to `n` free slots from `from`, appending them to `out` (instants and ISO strings). */
  function findSlots(
    state: AccountState,
    occupancy: AccountOccupancy,
    from: number,
    n: number,
    commit: boolean,
    out: { ms: number[]; iso: string[] },
  ): number {
    const limits = limitsOf(state);
    if (state.rules.length === 0 || n <= 0) return 0;
    let found = 0;
    const until = from + options.horizonDays * DAY_MS;
    const start = commit && occupancy.resume?.from === from ? occupancy.resume.at : from;
    let last = start;
    expander.forEach(state.rulesKey, state.rules, state.account.timeZone, start, until, (ms, day, iso) => {
      if (!occupancy.isFree(ms, day, limits)) return true;
      out.ms.push(ms);
      out.iso.push(iso);
      last = ms;
      if (commit) occupancy.add(ms, day);
      found += 1;
      return found < n;
    });
    if (commit && found > 0) occupancy.resume = { from, at: last };
    return found;
  }

  function takeSlot(state: AccountState, occupancy: AccountOccupancy, from: number): { ms: number; iso: string } {
    const out = { ms: [] as number[], iso: [] as string[] };
    if (findSlots(state, occupancy, from, 1, true, out) === 0) {
      throw new NoFreeSlotError(
        state.key,
        `The queue of ${state.key} has no free slot in the next ${options.horizonDays} days: add slots, raise dailyCap, shorten minGapMs or remove blackouts.`,
      );
    }
    return { ms: out.ms[0]!, iso: out.iso[0]! };
  }

  function checkPinned(state: AccountState, occupancy: AccountOccupancy, ms: number, path: Array<string | number>): ValidationIssue | null {
    const reason = occupancy.conflict(ms, localDayOf(ms, state.account.timeZone), limitsOf(state));
    return reason === null
      ? null
      : {
          path,
          code: 'slot_conflict',
          message: `${new Date(ms).toISOString()} for ${state.key} ${reason}: pick another time or use the queue`,
        };
  }

  function record(entry: CalendarEntry, to: EntryStatus, at: string, actor: Actor, patch: Partial<CalendarEntry> = {}): CalendarEntry {
    return applyTransition(entry, { to, at, by: actor.by, ...(actor.reason === undefined ? {} : { reason: actor.reason }), patch });
  }

  /** The status path to `scheduled` allowed by the entry's approval policy, or an issue. */
  function scheduleReady(entry: CalendarEntry): boolean {
    if (entry.status === 'approved' || entry.status === 'scheduled') return true;
    return (entry.status === 'draft' || entry.status === 'in_review') && policyFor(entry).required === 0;
  }

  function approvalIssue(entry: CalendarEntry): ValidationError {
    const policy = policyFor(entry);
    const roles = policy.roles.length === 0 ? 'any role' : policy.roles.join(' or ');
    return new ValidationError('schedule', [
      {
        path: ['status'],
        code: 'approval_required',
        message: `entry ${entry.id} is "${entry.status}" and needs ${policy.required} approval(s) from ${roles} before it is scheduled: submit() it for review`,
      },
    ]);
  }

  /** Moves an entry (in memory) to `scheduled` at `ms`. */
  function toScheduled(
    entry: CalendarEntry,
    slot: { iso: string },
    placement: 'queue' | 'pinned',
    at: string,
    actor: Actor,
    state: AccountState,
  ): CalendarEntry {
    const patch: Partial<CalendarEntry> = { scheduledAt: slot.iso, placement, hold: holdFor(state) };
    let next = entry;
    if (next.status === 'in_review') next = record(next, 'approved', at, { by: actor.by, reason: 'no approval required' });
    if (next.status === 'scheduled') return { ...next, ...patch };
    return record(
      next,
      'scheduled',
      at,
      { by: actor.by, reason: actor.reason ?? (placement === 'queue' ? 'added to queue' : 'scheduled at a fixed time') },
      patch,
    );
  }

  async function writeNew(entries: CalendarEntry[]): Promise<void> {
    await store.insertMany(entries);
  }

  /**
   * Plans new entries in memory, one account snapshot per account, reporting problems per
   * item instead of throwing (CSV import needs every bad row).
   */
  async function prepare(
    items: ReadonlyArray<NewEntries & { parsedDraft?: PostDraft }>,
    actor: Actor,
  ): Promise<Array<{ entries: CalendarEntry[]; issues: ValidationIssue[] }>> {
    const at = nowIso();
    const now = clock.now();
    const occupancies = new Map<string, AccountOccupancy>();
    const results: Array<{ entries: CalendarEntry[]; issues: ValidationIssue[] }> = [];
    // The same draft object given for many items is validated once (bulk fills reuse drafts).
    const parsedDrafts = new WeakMap<object, PostDraft>();
    for (const item of items) {
      const issues: ValidationIssue[] = [];
      let draft = item.parsedDraft ?? (typeof item.draft === 'object' && item.draft !== null ? parsedDrafts.get(item.draft) : undefined);
      if (draft === undefined) {
        try {
          draft = parsePostDraft(item.draft);
          if (typeof item.draft === 'object' && item.draft !== null) parsedDrafts.set(item.draft, draft);
        } catch (error) {
          if (!ValidationError.isInstance(error)) throw error;
          issues.push(...error.issues.map((issue) => ({ ...issue, path: ['draft', ...issue.path] })));
        }
      }
      const states: AccountState[] = [];
      if (item.accounts.length === 0)
        issues.push({ path: ['accounts'], code: 'too_small', message: 'must name at least one account key (platform:id)' });
      for (const key of item.accounts) {
        const state = accounts.get(key);
        if (state === undefined)
          issues.push({
            path: ['accounts'],
            code: 'unknown_account',
            message: `"${key}" is not a configured account (keys are platform:id)`,
          });
        else states.push(state);
      }
      let pinned: number | undefined;
      if (item.place !== undefined && item.place !== 'queue') {
        const parsed = InstantSchema.safeParse(item.place.at);
        if (!parsed.success)
          issues.push({
            path: ['place', 'at'],
            code: 'invalid_instant',
            message: 'must be an ISO-8601 UTC instant such as 2026-03-29T07:00:00Z',
          });
        else if (Date.parse(item.place.at) < now)
          issues.push({
            path: ['place', 'at'],
            code: 'in_past',
            message: `${item.place.at} is in the past: pick a later time or use the queue`,
          });
        else pinned = Date.parse(item.place.at);
      }
      if (item.evergreen !== undefined && !EvergreenSchema.safeParse(item.evergreen).success) {
        issues.push({
          path: ['evergreen'],
          code: 'invalid_evergreen',
          message: 'must be { afterDays, maxTimes } with whole numbers 1 or more',
        });
      }
      if (issues.length > 0 || draft === undefined) {
        results.push({ entries: [], issues });
        continue;
      }
      const groupId = item.accounts.length > 1 ? newId() : undefined;
      const entries: CalendarEntry[] = [];
      const claims: Array<[AccountOccupancy, number]> = [];
      const placement = item.place === undefined ? null : item.place === 'queue' ? 'queue' : 'pinned';
      const pinnedIso = pinned === undefined ? null : new Date(pinned).toISOString();
      const created = { from: null, to: 'draft' as const, at, by: actor.by };
      const scheduledRecord = {
        from: 'draft' as const,
        to: 'scheduled' as const,
        at,
        by: actor.by,
        reason: actor.reason ?? (placement === 'queue' ? 'added to queue' : 'scheduled at a fixed time'),
      };
      // Entries of one item share their (immutable) history records and arrays.
      const draftHistory = [created];
      const scheduledHistory = [created, scheduledRecord];
      for (const state of states) {
        // Built in one go with one fixed shape (not draft-then-transition, no conditional
        // spreads): bulk fills create a million of these. draft → scheduled is in
        // ENTRY_TRANSITIONS; the history records both steps.
        const entry: CalendarEntry = {
          id: newId(),
          groupId,
          accountKey: state.key,
          platform: state.account.platform,
          accountId: state.account.id,
          brand: state.account.brand,
          draft,
          status: 'draft',
          version: 0,
          scheduledAt: pinnedIso,
          placement,
          createdAt: at,
          updatedAt: at,
          history: draftHistory,
          approvals: NO_APPROVALS,
          hold: null,
          lease: null,
          evergreen: item.evergreen,
        };
        if (placement === null || policyFor(entry).required > 0) {
          entries.push(entry);
          continue;
        }
        let occupancy = occupancies.get(state.key);
        if (occupancy === undefined) occupancies.set(state.key, (occupancy = await occupancyOf(state, now)));
        let slot: { ms: number; iso: string };
        if (pinned !== undefined) {
          const issue = checkPinned(state, occupancy, pinned, ['place', 'at']);
          if (issue !== null) {
            issues.push(issue);
            continue;
          }
          slot = { ms: pinned, iso: pinnedIso! };
          occupancy.add(pinned);
        } else {
          try {
            slot = takeSlot(state, occupancy, now);
          } catch (error) {
            if (!NoFreeSlotError.isInstance(error)) throw error;
            issues.push({ path: ['accounts'], code: 'no_free_slot', message: error.message });
            continue;
          }
        }
        claims.push([occupancy, slot.ms]);
        entry.status = 'scheduled';
        entry.version = 1;
        entry.scheduledAt = slot.iso;
        entry.history = scheduledHistory;
        entry.hold = holdFor(state);
        entries.push(entry);
      }
      if (issues.length > 0) {
        // Give back the slots this item took: nothing of a bad item is kept.
        for (const [occupancy, ms] of claims) occupancy.remove(ms);
        results.push({ entries: [], issues });
      } else results.push({ entries, issues });
    }
    return results;
  }

  async function placeInQueue(ids: readonly string[], actor: Actor, from: number): Promise<CalendarEntry[]> {
    const at = nowIso();
    const loaded = await Promise.all(ids.map(entryOf));
    const occupancies = new Map<string, AccountOccupancy>();
    const writes: Array<{ entry: CalendarEntry; expect: { expectedVersion: number } }> = [];
    const exclude = new Set(ids);
    for (const entry of loaded) {
      if (!scheduleReady(entry)) {
        if (entry.status === 'draft' || entry.status === 'in_review') throw approvalIssue(entry);
        throw new IllegalTransitionError(entry.id, entry.status, 'scheduled', ['approved', 'draft']);
      }
      const state = accountOf(entry.accountKey);
      let occupancy = occupancies.get(state.key);
      if (occupancy === undefined) occupancies.set(state.key, (occupancy = await occupancyOf(state, from, exclude)));
      const ms = takeSlot(state, occupancy, from);
      writes.push({ entry: toScheduled(entry, ms, 'queue', at, actor, state), expect: { expectedVersion: entry.version } });
    }
    // Status changes go through transition() (the store enforces the table); slot-only moves through put().
    const out: CalendarEntry[] = [];
    const puts = writes.filter(({ entry }, i) => loaded[i]!.status === entry.status);
    const moved = writes.filter(({ entry }, i) => loaded[i]!.status !== entry.status);
    out.push(...(await store.putMany(puts)));
    for (const { entry, expect } of moved) {
      const original = loaded.find((e) => e.id === entry.id)!;
      let current = original;
      for (const record of entry.history.slice(original.history.length)) {
        current = await store.transition(entry.id, {
          to: record.to,
          at: record.at,
          by: record.by,
          ...(record.reason === undefined ? {} : { reason: record.reason }),
          expectedVersion: current === original ? expect.expectedVersion : current.version,
          patch: { scheduledAt: entry.scheduledAt, placement: entry.placement, hold: entry.hold },
        });
      }
      out.push(current);
    }
    return out;
  }

  async function repack(state: AccountState, order: (queued: CalendarEntry[]) => CalendarEntry[]): Promise<CalendarEntry[]> {
    const now = clock.now();
    const queued = (await store.query({ accountKeys: [state.key], statuses: ['scheduled'] })).filter(
      (entry) => entry.placement === 'queue' && entry.lease === null,
    );
    const occupancy = await occupancyOf(state, now, new Set(queued.map((entry) => entry.id)));
    const writes = order(queued).map((entry) => {
      const slot = takeSlot(state, occupancy, now);
      return {
        entry: { ...entry, scheduledAt: slot.iso, updatedAt: new Date(now).toISOString() },
        expect: { expectedVersion: entry.version },
      };
    });
    return store.putMany(writes);
  }

  async function transition(
    entry: CalendarEntry,
    to: EntryStatus,
    actor: Actor,
    patch: Partial<CalendarEntry> = {},
  ): Promise<CalendarEntry> {
    return store.transition(entry.id, {
      to,
      at: nowIso(),
      by: actor.by,
      ...(actor.reason === undefined ? {} : { reason: actor.reason }),
      expectedVersion: entry.version,
      patch,
    });
  }

  return {
    /** The store this calendar plans in. */
    store,

    /**
     * Adds or replaces an account's queue and limits.
     *
     * @example
     * ```ts
     * calendar.configureAccount({ account, queue: 'Mon-Fri 10:00', dailyCap: 1 });
     * ```
     */
    configureAccount(plan: AccountPlanInput): void {
      configure(parseWithSchema(AccountPlanSchema, plan, 'account plan'));
    },

    /**
     * Adds a blackout: nothing new is placed in it. Existing entries stay; call `reshuffle`
     * to move queued ones out.
     *
     * @example
     * ```ts
     * calendar.addBlackout({ from: '2026-12-24T00:00:00Z', to: '2026-12-27T00:00:00Z', reason: 'holidays' });
     * ```
     */
    addBlackout(blackout: z.input<typeof BlackoutSchema>): Blackout {
      const parsed = parseWithSchema(BlackoutSchema, blackout, 'blackout');
      blackouts.push(parsed);
      limitsCache = new Map();
      return parsed;
    },

    /**
     * The next `n` free queue slots of an account at or after `from`, as ISO UTC instants,
     * respecting blackouts, the min gap, the daily cap and the slots already taken.
     *
     * @example
     * ```ts
     * await calendar.nextFreeSlots('x:12', '2026-03-01T00:00:00Z', 3);
     * ```
     */
    async nextFreeSlots(accountKey: string, from: string, n: number): Promise<string[]> {
      const start = Date.parse(parseWithSchema(InstantSchema, from, 'nextFreeSlots from'));
      const state = accountOf(accountKey);
      const occupancy = await occupancyOf(state, start);
      const out = { ms: [] as number[], iso: [] as string[] };
      findSlots(state, occupancy, start, n, true, out);
      return out.iso;
    },

    /**
     * Creates one entry per account for a draft, optionally placing them right away (in the
     * queue or at an instant) when no approval is needed. All or nothing.
     *
     * @throws ValidationError listing every problem (bad draft, unknown account, slot conflicts).
     * @example
     * ```ts
     * await calendar.createEntries({ draft: { text: 'Launch day 🚀' }, accounts: ['x:12', 'bluesky:did:plc:abc'], place: 'queue' }, { by: 'ana' });
     * ```
     */
    async createEntries(item: NewEntries, actor: Actor): Promise<CalendarEntry[]> {
      const [result] = await prepare([item], actor);
      if (result!.issues.length > 0) throw new ValidationError('createEntries', result!.issues);
      await writeNew(result!.entries);
      return result!.entries;
    },

    /**
     * Creates many entries in one pass (one store read per account, one bulk insert), all
     * or nothing. Use it to fill queues in bulk.
     *
     * @example
     * ```ts
     * await calendar.createMany(posts.map((text) => ({ draft: { text }, accounts: ['x:12'], place: 'queue' })), { by: 'import' });
     * ```
     */
    async createMany(items: readonly NewEntries[], actor: Actor): Promise<CalendarEntry[]> {
      const results = await prepare(items, actor);
      const issues = results.flatMap((result, index) => result.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })));
      if (issues.length > 0) throw new ValidationError('createMany', issues);
      const entries = results.flatMap((result) => result.entries);
      await writeNew(entries);
      return entries;
    },

    /** @internal used by CSV import */
    prepare,
    /** @internal used by CSV import */
    writeNew,

    /**
     * Sends a draft for review; with no approval required it is approved at once.
     *
     * @example
     * ```ts
     * await calendar.submit(entry.id, { by: 'ana' });
     * ```
     */
    async submit(id: string, actor: Actor): Promise<CalendarEntry> {
      const entry = await entryOf(id);
      if (policyFor(entry).required === 0)
        return transition(entry, 'approved', { by: actor.by, reason: actor.reason ?? 'no approval required' });
      return transition(entry, 'in_review', actor, { approvals: [] });
    },

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
    async approve(id: string, approval: { by: string; role: string; note?: string }): Promise<CalendarEntry> {
      const entry = await entryOf(id);
      if (entry.status !== 'in_review') {
        throw new IllegalTransitionError(
          entry.id,
          entry.status,
          'approved',
          entry.status === 'draft' ? ['in_review (submit it first)'] : ENTRY_TRANSITIONS[entry.status],
          {
            action: { name: 'approved', requires: 'in_review' },
          },
        );
      }
      const policy = policyFor(entry);
      if (policy.roles.length > 0 && !policy.roles.includes(approval.role)) {
        throw new ValidationError('approval', [
          {
            path: ['role'],
            code: 'role_not_allowed',
            message: `"${approval.role}" cannot approve for ${entry.accountKey}: approvals must come from ${policy.roles.join(' or ')}`,
          },
        ]);
      }
      if (entry.approvals.some((given) => given.by === approval.by)) {
        throw new ValidationError('approval', [
          {
            path: ['by'],
            code: 'already_approved',
            message: `${approval.by} already approved entry ${entry.id}: another person must approve`,
          },
        ]);
      }
      const approvalsNow = [
        ...entry.approvals,
        { by: approval.by, role: approval.role, at: nowIso(), ...(approval.note === undefined ? {} : { note: approval.note }) },
      ];
      if (!isApproved(policy, approvalsNow))
        return store.put({ ...entry, approvals: approvalsNow, updatedAt: nowIso() }, { expectedVersion: entry.version });
      const approved = await transition(
        entry,
        'approved',
        { by: approval.by, reason: `approved (${approvalsNow.length}/${policy.required})` },
        { approvals: approvalsNow },
      );
      if (approved.placement === 'queue') return (await placeInQueue([approved.id], { by: approval.by }, clock.now()))[0]!;
      if (approved.placement === 'pinned' && approved.scheduledAt !== null && Date.parse(approved.scheduledAt) >= clock.now()) {
        const state = accountOf(approved.accountKey);
        const occupancy = await occupancyOf(state, clock.now(), new Set([approved.id]));
        const issue = checkPinned(state, occupancy, Date.parse(approved.scheduledAt), ['scheduledAt']);
        if (issue === null)
          return transition(approved, 'scheduled', { by: approval.by, reason: 'approved with a fixed time' }, { hold: holdFor(state) });
      }
      return approved;
    },

    /**
     * Rejects an entry under review: back to `draft`, approvals cleared. A reason is required.
     *
     * @example
     * ```ts
     * await calendar.reject(entry.id, { by: 'li', reason: 'Wrong launch date' });
     * ```
     */
    async reject(id: string, actor: { by: string; reason: string }): Promise<CalendarEntry> {
      if (typeof actor.reason !== 'string' || actor.reason.trim() === '') {
        throw new ValidationError('reject', [
          { path: ['reason'], code: 'required', message: 'a rejection needs a reason the author can act on' },
        ]);
      }
      const entry = await entryOf(id);
      if (entry.status !== 'in_review') {
        throw new IllegalTransitionError(entry.id, entry.status, 'draft', ENTRY_TRANSITIONS[entry.status], {
          action: { name: 'rejected', requires: 'in_review' },
        });
      }
      return transition(entry, 'draft', actor, { approvals: [] });
    },

    /**
     * Changes an entry's draft. An edit after approval (status `approved` or `scheduled`)
     * sends it back to `in_review` and clears its approvals when its policy needs any.
     *
     * @example
     * ```ts
     * await calendar.edit(entry.id, { text: 'Launch day 🚀 (updated)' }, { by: 'ana' });
     * ```
     */
    async edit(id: string, draftInput: PostDraftInput, actor: Actor): Promise<CalendarEntry> {
      const draft = parsePostDraft(draftInput);
      const entry = await entryOf(id);
      const editable: EntryStatus[] = ['draft', 'in_review', 'approved', 'scheduled', 'failed'];
      if (!editable.includes(entry.status) || entry.lease !== null) {
        throw new ValidationError('edit', [
          {
            path: ['status'],
            code: 'not_editable',
            message: `entry ${id} is "${entry.status}"${entry.lease === null ? '' : ' and leased by a worker'}: only ${editable.join(', ')} entries can be edited`,
          },
        ]);
      }
      const needsReview =
        policyFor(entry).required > 0 && (entry.status === 'approved' || entry.status === 'scheduled' || entry.status === 'in_review');
      if (needsReview && entry.status !== 'in_review') {
        return transition(entry, 'in_review', { by: actor.by, reason: actor.reason ?? 'edited after approval' }, { draft, approvals: [] });
      }
      return store.put(
        { ...entry, draft, approvals: needsReview ? [] : entry.approvals, updatedAt: nowIso() },
        { expectedVersion: entry.version },
      );
    },

    /**
     * Pins an entry at an instant (checked against blackouts, min gap and daily cap unless
     * `force`).
     *
     * @example
     * ```ts
     * await calendar.schedule(entry.id, { at: '2026-04-01T07:00:00Z', by: 'ana' });
     * ```
     */
    async schedule(id: string, request: Actor & { at: string; force?: boolean }): Promise<CalendarEntry> {
      const ms = Date.parse(parseWithSchema(InstantSchema, request.at, 'schedule at'));
      const entry = await entryOf(id);
      if (!scheduleReady(entry)) {
        if (entry.status === 'draft' || entry.status === 'in_review') throw approvalIssue(entry);
        throw new IllegalTransitionError(entry.id, entry.status, 'scheduled', ['approved', 'draft']);
      }
      const state = accountOf(entry.accountKey);
      if (!request.force) {
        const occupancy = await occupancyOf(state, Math.min(ms, clock.now()), new Set([id]));
        const issue = checkPinned(state, occupancy, ms, ['at']);
        if (issue !== null) throw new ValidationError('schedule', [issue]);
      }
      const next = toScheduled(entry, { iso: new Date(ms).toISOString() }, 'pinned', nowIso(), request, state);
      if (entry.status === 'scheduled') return store.put(next, { expectedVersion: entry.version });
      let current = entry;
      for (const record of next.history.slice(entry.history.length)) {
        current = await store.transition(id, {
          to: record.to,
          at: record.at,
          by: record.by,
          ...(record.reason === undefined ? {} : { reason: record.reason }),
          expectedVersion: current.version,
          patch: { scheduledAt: next.scheduledAt, placement: 'pinned', hold: next.hold },
        });
      }
      return current;
    },

    /**
     * Puts entries in their accounts' queues: each takes the next free slot from now.
     *
     * @example
     * ```ts
     * const [placed] = await calendar.addToQueue([entry.id], { by: 'ana' });
     * ```
     */
    async addToQueue(ids: string | readonly string[], actor: Actor): Promise<CalendarEntry[]> {
      return placeInQueue(typeof ids === 'string' ? [ids] : ids, actor, clock.now());
    },

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
    async reshuffle(
      accountKey: string,
      request: Actor & { order?: 'compact' | 'random'; random?: () => number },
    ): Promise<CalendarEntry[]> {
      const random = request.random ?? Math.random;
      return repack(accountOf(accountKey), (queued) => {
        if (request.order !== 'random') return queued;
        const shuffled = [...queued];
        for (let i = shuffled.length - 1; i > 0; i -= 1) {
          const j = Math.floor(random() * (i + 1));
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        return shuffled;
      });
    },

    /**
     * Moves a queued entry to the first free slot; the rest of the queue follows in order.
     *
     * @example
     * ```ts
     * await calendar.moveToTop(entry.id, { by: 'ana' });
     * ```
     */
    async moveToTop(id: string, actor: Actor): Promise<CalendarEntry[]> {
      const entry = await entryOf(id);
      if (entry.status !== 'scheduled' || entry.placement !== 'queue') {
        throw new ValidationError('moveToTop', [
          {
            path: ['id'],
            code: 'not_queued',
            message: `entry ${id} is not in a queue (status "${entry.status}", placement ${String(entry.placement)}): addToQueue() it first`,
          },
        ]);
      }
      return repack(accountOf(entry.accountKey), (queued) => [...queued.filter((e) => e.id === id), ...queued.filter((e) => e.id !== id)]);
    },

    /**
     * Cancels an entry (it keeps its history; `canceled → draft` restores it).
     *
     * @example
     * ```ts
     * await calendar.cancel(entry.id, { by: 'ana', reason: 'duplicate' });
     * ```
     */
    async cancel(id: string, actor: Actor): Promise<CalendarEntry> {
      const entry = await entryOf(id);
      return transition(entry, 'canceled', actor);
    },

    /**
     * Pauses an account or a whole brand: its scheduled entries are held (the runner skips
     * them) without losing their place; entries scheduled while paused are held too.
     *
     * @example
     * ```ts
     * await calendar.pause({ brand: 'acme' }, { by: 'ana', reason: 'crisis' });
     * ```
     */
    async pause(scope: PauseScope, actor: Actor): Promise<CalendarEntry[]> {
      const hold: Hold = {
        scope: 'accountKey' in scope ? 'account' : 'brand',
        since: nowIso(),
        by: actor.by,
        ...(actor.reason === undefined ? {} : { reason: actor.reason }),
      };
      pauses.set('accountKey' in scope ? `account:${scope.accountKey}` : `brand:${scope.brand}`, hold);
      const query: EntryQuery =
        'accountKey' in scope
          ? { accountKeys: [scope.accountKey], statuses: ['scheduled'] }
          : { brands: [scope.brand], statuses: ['scheduled'] };
      const entries = (await store.query(query)).filter((entry) => entry.hold === null);
      return store.putMany(entries.map((entry) => ({ entry: { ...entry, hold }, expect: { expectedVersion: entry.version } })));
    },

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
    async resume(scope: PauseScope, actor: Actor): Promise<{ resumed: CalendarEntry[]; overdue: CalendarEntry[] }> {
      const kind = 'accountKey' in scope ? 'account' : 'brand';
      pauses.delete('accountKey' in scope ? `account:${scope.accountKey}` : `brand:${scope.brand}`);
      const query: EntryQuery =
        'accountKey' in scope
          ? { accountKeys: [scope.accountKey], statuses: ['scheduled'] }
          : { brands: [scope.brand], statuses: ['scheduled'] };
      const held = (await store.query(query)).filter((entry) => entry.hold?.scope === kind);
      const writes = held.map((entry) => {
        const state = accounts.get(entry.accountKey);
        return { entry: { ...entry, hold: state === undefined ? null : holdFor(state) }, expect: { expectedVersion: entry.version } };
      });
      let resumed = await store.putMany(writes);
      const now = clock.now();
      const touched = new Set(resumed.filter((e) => e.placement === 'queue' && Date.parse(e.scheduledAt!) < now).map((e) => e.accountKey));
      for (const key of touched) {
        const state = accounts.get(key);
        if (state !== undefined) await repack(state, (queued) => queued);
      }
      resumed = (await Promise.all(resumed.map((e) => store.get(e.id)))).filter((e): e is CalendarEntry => e !== undefined);
      const overdue = resumed.filter((e) => e.placement === 'pinned' && Date.parse(e.scheduledAt!) < now);
      return { resumed, overdue };
    },

    /** Whether an account is paused (itself or through its brand). */
    isPaused(accountKey: string): boolean {
      const state = accounts.get(accountKey);
      return state !== undefined && holdFor(state) !== null;
    },

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
    async recycleEvergreen(actor: Actor): Promise<CalendarEntry[]> {
      const now = clock.now();
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
        const state = accounts.get(entry.accountKey);
        if (state === undefined) continue;
        const at = nowIso();
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
        if (scheduleReady(fresh)) {
          const occupancy = await occupancyOf(state, now);
          fresh = toScheduled(fresh, takeSlot(state, occupancy, now), 'queue', at, { by: actor.by, reason: 'evergreen re-queue' }, state);
        }
        await store.insert(fresh);
        created.push(fresh);
      }
      return created;
    },

    /**
     * Entries scheduled in `[from, to)`, filtered by account, network, status, tag, campaign
     * or brand.
     *
     * @example
     * ```ts
     * await calendar.range('2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z', { tags: ['launch'] });
     * ```
     */
    async range(from: string, to: string, filter: Omit<EntryQuery, 'from' | 'to'> = {}): Promise<CalendarEntry[]> {
      parseWithSchema(z.object({ from: InstantSchema, to: InstantSchema }), { from, to }, 'range');
      return store.query({ ...filter, from, to });
    },

    /** The configured account for a key, or `undefined`. */
    account(accountKey: string): Account | undefined {
      return accounts.get(accountKey)?.account;
    },
  };
}
