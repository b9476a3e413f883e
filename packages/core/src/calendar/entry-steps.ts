import { ValidationError } from '../errors/index.js';
import { applyTransition, type CalendarEntry, type EntryStatus } from '../schedule-store/index.js';
import { holdFor, nowIso, policyFor, type AccountState, type CalendarContext } from './calendar-context.js';
import type { Actor } from './calendar-types.js';
import { draftIssues } from './content-check.js';

// The status steps calendar actions share: in memory (record, toScheduled) and in the store
// (transition, storeSteps). Status changes always go through the store's transition(), which
// enforces the transition table.

/** Applies one status change in memory. @internal */
export function record(entry: CalendarEntry, to: EntryStatus, at: string, actor: Actor, patch: Partial<CalendarEntry> = {}): CalendarEntry {
  return applyTransition(entry, { to, at, by: actor.by, ...(actor.reason === undefined ? {} : { reason: actor.reason }), patch });
}

/** Whether the entry's approval policy lets it be scheduled now. @internal */
export function scheduleReady(ctx: CalendarContext, entry: CalendarEntry): boolean {
  if (entry.status === 'approved' || entry.status === 'scheduled') return true;
  return (entry.status === 'draft' || entry.status === 'in_review') && policyFor(ctx, entry).required === 0;
}

/** The error for scheduling an entry that still needs approvals. @internal */
export function approvalIssue(ctx: CalendarContext, entry: CalendarEntry): ValidationError {
  const policy = policyFor(ctx, entry);
  const roles = policy.roles.length === 0 ? 'any role' : policy.roles.join(' or ');
  return new ValidationError('schedule', [
    {
      path: ['status'],
      code: 'approval_required',
      message: `entry ${entry.id} is "${entry.status}" and needs ${policy.required} approval(s) from ${roles} before it is scheduled: submit() it for review`,
    },
  ]);
}

/** Moves an entry (in memory) to `scheduled` at `slot`. @internal */
export function toScheduled(
  ctx: CalendarContext,
  entry: CalendarEntry,
  slot: { iso: string },
  placement: 'queue' | 'pinned',
  at: string,
  actor: Actor,
  state: AccountState,
): CalendarEntry {
  const patch: Partial<CalendarEntry> = { scheduledAt: slot.iso, placement, hold: holdFor(ctx, state) };
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

/** One status change in the store, expecting the entry's current version. @internal */
export async function transition(
  ctx: CalendarContext,
  entry: CalendarEntry,
  to: EntryStatus,
  actor: Actor,
  patch: Partial<CalendarEntry> = {},
): Promise<CalendarEntry> {
  return ctx.store.transition(entry.id, {
    to,
    at: nowIso(ctx),
    by: actor.by,
    ...(actor.reason === undefined ? {} : { reason: actor.reason }),
    expectedVersion: entry.version,
    patch,
  });
}

/**
 * Stores the status steps `next` added to `original`'s history (e.g. in_review → approved →
 * scheduled), one store transition each, carrying `next`'s placement. @internal
 */
export async function storeSteps(ctx: CalendarContext, original: CalendarEntry, next: CalendarEntry): Promise<CalendarEntry> {
  let current = original;
  for (const step of next.history.slice(original.history.length)) {
    current = await ctx.store.transition(original.id, {
      to: step.to,
      at: step.at,
      by: step.by,
      ...(step.reason === undefined ? {} : { reason: step.reason }),
      expectedVersion: current.version,
      patch: { scheduledAt: next.scheduledAt, placement: next.placement, hold: next.hold },
    });
  }
  return current;
}

/** Throws when the entry's draft breaks its network's content rules (nothing is changed). @internal */
export function assertDraftFits(ctx: CalendarContext, entry: CalendarEntry, action: string): void {
  const issues = draftIssues(ctx, entry.draft, [{ platform: entry.platform, key: entry.accountKey }]);
  if (issues.length > 0) throw new ValidationError(`${action} entry ${entry.id}`, issues);
}
