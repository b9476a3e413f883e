import { ValidationError } from '../errors/index.js';
import { ENTRY_TRANSITIONS, IllegalTransitionError, type CalendarEntry } from '../schedule-store/index.js';
import { isApproved } from './approval-policy.js';
import { accountStateOf, entryOf, holdFor, nowIso, policyFor, type CalendarContext } from './calendar-context.js';
import type { Actor } from './calendar-types.js';
import { assertDraftFits, transition } from './entry-steps.js';
import { placeInQueue } from './queue-actions.js';
import { checkPinned, occupancyOf } from './slot-search.js';

/** `calendar.submit`: to review, or straight to approved when no approval is required. @internal */
export async function submit(ctx: CalendarContext, id: string, actor: Actor): Promise<CalendarEntry> {
  const entry = await entryOf(ctx, id);
  assertDraftFits(ctx, entry, 'submit');
  if (policyFor(ctx, entry).required === 0)
    return transition(ctx, entry, 'approved', { by: actor.by, reason: actor.reason ?? 'no approval required' });
  return transition(ctx, entry, 'in_review', actor, { approvals: [] });
}

/** `calendar.approve`: records an approval; once the policy is met, approves and places the entry. @internal */
export async function approve(
  ctx: CalendarContext,
  id: string,
  approval: { by: string; role: string; note?: string },
): Promise<CalendarEntry> {
  const { store, clock } = ctx;
  const entry = await entryOf(ctx, id);
  if (entry.status !== 'in_review') {
    throw new IllegalTransitionError(
      entry.id,
      entry.status,
      'approved',
      entry.status === 'draft' ? ['in_review (submit it first)'] : ENTRY_TRANSITIONS[entry.status],
      { action: { name: 'approved', requires: 'in_review' } },
    );
  }
  assertDraftFits(ctx, entry, 'approve');
  const policy = policyFor(ctx, entry);
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
    { by: approval.by, role: approval.role, at: nowIso(ctx), ...(approval.note === undefined ? {} : { note: approval.note }) },
  ];
  if (!isApproved(policy, approvalsNow))
    return store.put({ ...entry, approvals: approvalsNow, updatedAt: nowIso(ctx) }, { expectedVersion: entry.version });
  const approved = await transition(
    ctx,
    entry,
    'approved',
    { by: approval.by, reason: `approved (${approvalsNow.length}/${policy.required})` },
    { approvals: approvalsNow },
  );
  if (approved.placement === 'queue') return (await placeInQueue(ctx, [approved.id], { by: approval.by }, clock.now()))[0]!;
  if (approved.placement === 'pinned' && approved.scheduledAt !== null && Date.parse(approved.scheduledAt) >= clock.now()) {
    const state = accountStateOf(ctx, approved.accountKey);
    const occupancy = await occupancyOf(ctx, state, clock.now(), new Set([approved.id]));
    const issue = checkPinned(ctx, state, occupancy, Date.parse(approved.scheduledAt), ['scheduledAt']);
    if (issue === null)
      return transition(
        ctx,
        approved,
        'scheduled',
        { by: approval.by, reason: 'approved with a fixed time' },
        { hold: holdFor(ctx, state) },
      );
  }
  return approved;
}

/** `calendar.reject`: back to draft with approvals cleared; needs a reason. @internal */
export async function reject(ctx: CalendarContext, id: string, actor: { by: string; reason: string }): Promise<CalendarEntry> {
  if (typeof actor.reason !== 'string' || actor.reason.trim() === '') {
    throw new ValidationError('reject', [
      { path: ['reason'], code: 'required', message: 'a rejection needs a reason the author can act on' },
    ]);
  }
  const entry = await entryOf(ctx, id);
  if (entry.status !== 'in_review') {
    throw new IllegalTransitionError(entry.id, entry.status, 'draft', ENTRY_TRANSITIONS[entry.status], {
      action: { name: 'rejected', requires: 'in_review' },
    });
  }
  return transition(ctx, entry, 'draft', actor, { approvals: [] });
}
