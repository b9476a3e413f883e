import { ValidationError, type ValidationIssue } from '../errors/index.js';
import { parsePostDraft, unstorableMedia, type PostDraft } from '../model/index.js';
import { EvergreenSchema, type CalendarEntry } from '../schedule-store/index.js';
import { holdFor, nowIso, policyFor, type AccountState, type CalendarContext } from './calendar-context.js';
import type { Actor, NewEntries } from './calendar-types.js';
import { draftIssues } from './content-check.js';
import { readPlannedTime } from './local-time.js';
import { NoFreeSlotError } from './no-free-slot-error.js';
import type { AccountOccupancy } from './queue-placement.js';
import { checkPinned, occupancyOf, takeSlot } from './slot-search.js';

const PLACE_AT_HINT =
  "must be an instant such as 2026-03-29T07:00:00Z, or a local time such as 2026-03-29T09:00 read in each account's zone";

/** Shared by new entries; entries are never mutated once stored. */
const NO_APPROVALS = Object.freeze([]) as unknown as CalendarEntry['approvals'];

/** What planning one item gave: its entries, or the problems that stopped it. @internal */
export interface PreparedItem {
  entries: CalendarEntry[];
  issues: ValidationIssue[];
}

/**
 * Plans new entries in memory, one account snapshot per account, reporting problems per
 * item instead of throwing (CSV import needs every bad row). Nothing is written. @internal
 */
export async function prepareEntries(
  ctx: CalendarContext,
  items: ReadonlyArray<NewEntries & { parsedDraft?: PostDraft }>,
  actor: Actor,
): Promise<PreparedItem[]> {
  const at = nowIso(ctx);
  const now = ctx.clock.now();
  const occupancies = new Map<string, AccountOccupancy>();
  const results: PreparedItem[] = [];
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
    // A Blob or stream cannot outlive this process: refuse it where the entry is made.
    if (draft) issues.push(...unstorableMedia(draft).map((issue) => ({ ...issue, path: ['draft', ...issue.path] })));
    const states: AccountState[] = [];
    if (item.accounts.length === 0)
      issues.push({ path: ['accounts'], code: 'too_small', message: 'must name at least one account key (platform:id)' });
    for (const key of item.accounts) {
      const state = ctx.accounts.get(key);
      if (state === undefined)
        issues.push({
          path: ['accounts'],
          code: 'unknown_account',
          message: `"${key}" is not a configured account (keys are platform:id)`,
        });
      else states.push(state);
    }
    // A fixed time: an instant (the same for every account), or a local wall time read in
    // each account's zone.
    const pinnedAt = new Map<AccountState, number>();
    if (item.place !== undefined && item.place !== 'queue') {
      const at = (item.place as { at?: unknown }).at;
      const instant = typeof at === 'string' ? readPlannedTime(at, undefined) : undefined;
      if (typeof at !== 'string' || instant === undefined) {
        issues.push({ path: ['place', 'at'], code: 'invalid_instant', message: PLACE_AT_HINT });
      } else if (!('ms' in instant) && instant.code === 'invalid_instant') {
        issues.push({ path: ['place', 'at'], code: instant.code, message: instant.message });
      } else {
        const targets = 'ms' in instant ? [undefined] : states;
        for (const state of targets) {
          const read = state === undefined ? instant : readPlannedTime(at, state.account.timeZone);
          if (!('ms' in read)) continue;
          if (read.ms < now) {
            issues.push({
              path: ['place', 'at'],
              code: 'in_past',
              message: `${at} (${new Date(read.ms).toISOString()}${state === undefined ? '' : ` for ${state.key}`}) is in the past: pick a later time or use the queue`,
            });
            break;
          }
          if (state === undefined) for (const each of states) pinnedAt.set(each, read.ms);
          else pinnedAt.set(state, read.ms);
        }
      }
    }
    if (item.evergreen !== undefined && !EvergreenSchema.safeParse(item.evergreen).success) {
      issues.push({
        path: ['evergreen'],
        code: 'invalid_evergreen',
        message: 'must be { afterDays, maxTimes } with whole numbers 1 or more',
      });
    }
    // Checked now, against every target network, not on the day it fails to publish.
    if (draft !== undefined)
      issues.push(
        ...draftIssues(
          ctx,
          draft,
          states.map((state) => ({ platform: state.account.platform, key: state.key })),
        ),
      );
    if (issues.length > 0 || draft === undefined) {
      results.push({ entries: [], issues });
      continue;
    }
    const groupId = item.accounts.length > 1 ? ctx.newId() : undefined;
    const entries: CalendarEntry[] = [];
    const claims: Array<[AccountOccupancy, number]> = [];
    const placement = item.place === undefined ? null : item.place === 'queue' ? 'queue' : 'pinned';
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
      const pinned = pinnedAt.get(state);
      const pinnedIso = pinned === undefined ? null : new Date(pinned).toISOString();
      // Built in one go with one fixed shape (not draft-then-transition, no conditional
      // spreads): bulk fills create a million of these. draft → scheduled is in
      // ENTRY_TRANSITIONS; the history records both steps.
      const entry: CalendarEntry = {
        id: ctx.newId(),
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
      if (placement === null || policyFor(ctx, entry).required > 0) {
        entries.push(entry);
        continue;
      }
      let occupancy = occupancies.get(state.key);
      if (occupancy === undefined) occupancies.set(state.key, (occupancy = await occupancyOf(ctx, state, now)));
      let slot: { ms: number; iso: string };
      if (pinned !== undefined) {
        const issue = checkPinned(ctx, state, occupancy, pinned, ['place', 'at']);
        if (issue !== null) {
          issues.push(issue);
          continue;
        }
        slot = { ms: pinned, iso: pinnedIso! };
        occupancy.add(pinned);
      } else {
        try {
          slot = takeSlot(ctx, state, occupancy, now);
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
      entry.hold = holdFor(ctx, state);
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

/** `calendar.createEntries`: one item, all or nothing. @internal */
export async function createEntries(ctx: CalendarContext, item: NewEntries, actor: Actor): Promise<CalendarEntry[]> {
  const [result] = await prepareEntries(ctx, [item], actor);
  if (result!.issues.length > 0) throw new ValidationError('createEntries', result!.issues);
  await ctx.store.insertMany(result!.entries);
  return result!.entries;
}

/** `calendar.createMany`: many items in one pass, all or nothing; issue paths start with the item index. @internal */
export async function createMany(ctx: CalendarContext, items: readonly NewEntries[], actor: Actor): Promise<CalendarEntry[]> {
  const results = await prepareEntries(ctx, items, actor);
  const issues = results.flatMap((result, index) => result.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })));
  if (issues.length > 0) throw new ValidationError('createMany', issues);
  const entries = results.flatMap((result) => result.entries);
  await ctx.store.insertMany(entries);
  return entries;
}
