import { ValidationError } from '../errors/index.js';
import { parsePostDraft, unstorableMedia, type PostDraftInput } from '../model/index.js';
import { IllegalTransitionError, type CalendarEntry, type EntryStatus } from '../schedule-store/index.js';
import { accountStateOf, entryOf, nowIso, policyFor, type CalendarContext } from './calendar-context.js';
import type { Actor } from './calendar-types.js';
import { approvalIssue, assertDraftFits, scheduleReady, storeSteps, toScheduled, transition } from './entry-steps.js';
import { readPlannedTime } from './local-time.js';
import { checkPinned, occupancyOf } from './slot-search.js';

const EDITABLE: readonly EntryStatus[] = ['draft', 'in_review', 'approved', 'scheduled', 'failed'];

/** `calendar.edit`: a new draft; after approval, back to review when the policy needs approvals. @internal */
export async function edit(ctx: CalendarContext, id: string, draftInput: PostDraftInput, actor: Actor): Promise<CalendarEntry> {
  const draft = parsePostDraft(draftInput);
  const unstorable = unstorableMedia(draft);
  if (unstorable.length > 0) throw new ValidationError('edit draft', unstorable);
  const entry = await entryOf(ctx, id);
  if (!EDITABLE.includes(entry.status) || entry.lease !== null) {
    throw new ValidationError('edit', [
      {
        path: ['status'],
        code: 'not_editable',
        message: `entry ${id} is "${entry.status}"${entry.lease === null ? '' : ' and leased by a worker'}: only ${EDITABLE.join(', ')} entries can be edited`,
      },
    ]);
  }
  assertDraftFits(ctx, { ...entry, draft }, 'edit');
  const needsReview =
    policyFor(ctx, entry).required > 0 && (entry.status === 'approved' || entry.status === 'scheduled' || entry.status === 'in_review');
  if (needsReview && entry.status !== 'in_review') {
    return transition(ctx, entry, 'in_review', { by: actor.by, reason: actor.reason ?? 'edited after approval' }, { draft, approvals: [] });
  }
  return ctx.store.put(
    { ...entry, draft, approvals: needsReview ? [] : entry.approvals, updatedAt: nowIso(ctx) },
    { expectedVersion: entry.version },
  );
}

/** `calendar.schedule`: pins an entry at an instant, checked against the account's limits unless `force`. @internal */
export async function schedule(ctx: CalendarContext, id: string, request: Actor & { at: string; force?: boolean }): Promise<CalendarEntry> {
  const entry = await entryOf(ctx, id);
  const read = readPlannedTime(typeof request.at === 'string' ? request.at : '', ctx.accounts.get(entry.accountKey)?.account.timeZone);
  if (!('ms' in read)) throw new ValidationError('schedule', [{ path: ['at'], code: read.code, message: read.message }]);
  const ms = read.ms;
  if (!scheduleReady(ctx, entry)) {
    if (entry.status === 'draft' || entry.status === 'in_review') throw approvalIssue(ctx, entry);
    throw new IllegalTransitionError(entry.id, entry.status, 'scheduled', ['approved', 'draft']);
  }
  const state = accountStateOf(ctx, entry.accountKey);
  if (!request.force) {
    const occupancy = await occupancyOf(ctx, state, Math.min(ms, ctx.clock.now()), new Set([id]));
    const issue = checkPinned(ctx, state, occupancy, ms, ['at']);
    if (issue !== null) throw new ValidationError('schedule', [issue]);
  }
  const next = toScheduled(ctx, entry, { iso: new Date(ms).toISOString() }, 'pinned', nowIso(ctx), request, state);
  if (entry.status === 'scheduled') return ctx.store.put(next, { expectedVersion: entry.version });
  return storeSteps(ctx, entry, next);
}

/** `calendar.cancel`. @internal */
export async function cancel(ctx: CalendarContext, id: string, actor: Actor): Promise<CalendarEntry> {
  return transition(ctx, await entryOf(ctx, id), 'canceled', actor);
}
