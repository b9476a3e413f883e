/**
 * Approval workflow: a post needs two approvals before it can be scheduled.
 *
 *   npx -y pnpm@10 exec tsx examples/approval-workflow.ts      (from the repository root, after a build)
 *
 * The brand's policy asks for two approvals from editors or legal. The example walks one
 * entry through submit → approve → approve (scheduled) → an edit that sends it back to
 * review → a rejection (which needs a reason) → a fixed draft → approved and scheduled, then
 * prints the entry's history: who moved it, when and why. It also shows what the calendar
 * refuses: an approval from a role that does not count, a rejection without a reason, and an
 * illegal status change (IllegalTransitionError).
 */
import { ValidationError } from '@smm/core/errors';
import { createCalendar } from '@smm/core/calendar';
import { IllegalTransitionError, createMemoryStore, type CalendarEntry } from '@smm/core/schedule-store';
import { createFakeClock } from '@smm/testkit';

const quiet = process.env.SMM_EXAMPLE_QUIET === '1';
const detail = (...lines: unknown[]) => {
  if (!quiet) console.log(...lines);
};

const clock = createFakeClock({ now: '2026-03-02T07:00:00.000Z' });
const ACCOUNT = 'x:2244994945';
const calendar = createCalendar({
  store: createMemoryStore(),
  clock,
  newId: () => 'launch-post',
  accounts: [
    { account: { platform: 'x', id: '2244994945', handle: 'acme', timeZone: 'Europe/Bucharest', brand: 'acme' }, queue: 'Mon-Fri 10:00' },
  ],
  // Everything for the brand "acme" needs two approvals, from editors or legal.
  approvals: { brands: { acme: { required: 2, roles: ['editor', 'legal'] } } },
});

const later = (minutes: number) => clock.advance(minutes * 60_000);
const step = (entry: CalendarEntry, what: string) =>
  detail(`  ${what.padEnd(44)} → ${entry.status}${entry.scheduledAt ? ` (${entry.scheduledAt})` : ''}`);

/** Runs something the calendar must refuse, and prints why it did. */
async function refused(what: string, attempt: () => Promise<unknown>, isExpected: (error: unknown) => boolean): Promise<string> {
  try {
    await attempt();
  } catch (error) {
    if (!isExpected(error)) throw error;
    // A ValidationError lists its problems; one line each is enough here.
    const message = ValidationError.isInstance(error)
      ? error.issues.map((issue) => issue.message).join('; ')
      : error instanceof Error
        ? error.message
        : String(error);
    detail(`  ${what.padEnd(44)} ✗ ${message}`);
    return message;
  }
  throw new Error(`${what} was accepted, but the workflow must refuse it`);
}

try {
  console.log('Policy for brand "acme": 2 approvals from editor or legal\n');
  let [entry] = await calendar.createEntries(
    { draft: { text: 'Our spring launch is live! 🚀 20% off this week only.' }, accounts: [ACCOUNT], place: 'queue' },
    { by: 'ana' },
  );
  step(entry!, 'ana writes a draft for the queue');

  await later(10);
  entry = await calendar.submit(entry!.id, { by: 'ana', reason: 'ready for review' });
  step(entry, 'ana submits it');

  await refused(
    'a marketing lead tries to approve',
    () => calendar.approve(entry!.id, { by: 'mara', role: 'marketing' }),
    ValidationError.isInstance,
  );

  await later(30);
  entry = await calendar.approve(entry.id, { by: 'li', role: 'editor' });
  step(entry, 'li (editor) approves: 1 of 2');
  await later(45);
  entry = await calendar.approve(entry.id, { by: 'omar', role: 'legal', note: 'discount terms checked' });
  step(entry, 'omar (legal) approves: 2 of 2, so it is queued');

  // Editing an approved post sends it back to review and clears the approvals.
  await later(60);
  entry = await calendar.edit(
    entry.id,
    { text: 'Our spring launch is live! 🚀 30% off this week only.' },
    { by: 'ana', reason: 'discount raised to 30%' },
  );
  step(entry, 'ana edits the discount');

  await refused('omar rejects without a reason', () => calendar.reject(entry!.id, { by: 'omar', reason: '' }), ValidationError.isInstance);
  await later(20);
  entry = await calendar.reject(entry.id, { by: 'omar', reason: '30% needs the small print: "while stocks last"' });
  step(entry, 'omar (legal) rejects, with a reason');

  await later(15);
  entry = await calendar.edit(
    entry.id,
    { text: 'Our spring launch is live! 🚀 30% off this week only, while stocks last.' },
    { by: 'ana' },
  );
  entry = await calendar.submit(entry.id, { by: 'ana', reason: 'small print added' });
  step(entry, 'ana adds the small print and resubmits');
  await later(10);
  entry = await calendar.approve(entry.id, { by: 'omar', role: 'legal' });
  entry = await calendar.approve(entry.id, { by: 'li', role: 'editor' });
  step(entry, 'omar and li approve again');
  if (entry.status !== 'scheduled') throw new Error(`expected the entry to be scheduled, it is ${entry.status}`);

  // An illegal step: only the runner publishes, after `publishing`; marking a scheduled
  // entry published by hand skips that, and the store refuses it.
  const scheduled = entry;
  const message = await refused(
    'someone marks it published by hand',
    () => calendar.store.transition(scheduled.id, { to: 'published', at: clock.iso(), by: 'mara', expectedVersion: scheduled.version }),
    IllegalTransitionError.isInstance,
  );
  if (quiet) console.log(`IllegalTransitionError: ${message}`);

  console.log(`\n"${entry.draft.text}"\nscheduled for ${entry.scheduledAt} (10:00 in Bucharest), after ${entry.history.length} steps:`);
  for (const record of entry.history) {
    const moved = `${record.from ?? '(new)'} → ${record.to}`;
    console.log(`  ${record.at.slice(11, 16)}Z  ${moved.padEnd(24)} by ${record.by.padEnd(5)} ${record.reason ?? ''}`);
  }
  detail(
    `approvals on record: ${entry.approvals.map((approval) => `${approval.by} (${approval.role}) at ${approval.at.slice(11, 16)}Z`).join(', ')}`,
  );
} catch (error) {
  console.error(`approval-workflow failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
