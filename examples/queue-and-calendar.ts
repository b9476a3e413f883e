/**
 * Queue and calendar: plan a week for two accounts in two time zones and export it.
 *
 *   npx -y pnpm@10 exec tsx examples/queue-and-calendar.ts      (from the repository root, after a build)
 *
 * A Bluesky account in Bucharest posts Mon/Wed/Fri at 09:00 and 17:30; a Mastodon account in
 * Tehran posts Saturday to Wednesday (the Iranian working week) at 10:00. Drafts go into their
 * queues, one queue is reshuffled and one post moved to the top, a blackout clears a day, and
 * the week is printed per account in its local time. Then the calendar is exported as
 * iCalendar (parsed back with ical.js, as a calendar app would) and CSV, into examples/out/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { createCalendar, entriesToCsv, toICalendar } from '@smm/core/calendar';
import { createMemoryStore, type CalendarEntry } from '@smm/core/schedule-store';
import { createFakeClock } from '@smm/testkit';

const quiet = process.env.SMM_EXAMPLE_QUIET === '1';
const detail = (...lines: unknown[]) => {
  if (!quiet) console.log(...lines);
};
const outDir = new URL('./out/', import.meta.url);

// A fixed "now" (Monday 2 March 2026, 08:00 in Bucharest) so the plan is the same on every run.
const clock = createFakeClock({ now: '2026-03-02T06:00:00.000Z' });
let serial = 0;
const bucharest = { platform: 'bluesky', id: 'did:plc:acme', handle: 'acme.bsky.social', timeZone: 'Europe/Bucharest' };
const tehran = { platform: 'mastodon', id: '1091', handle: 'acme_fa', timeZone: 'Asia/Tehran' };
const BLUESKY = 'bluesky:did:plc:acme';
const MASTODON = 'mastodon:1091';

const calendar = createCalendar({
  store: createMemoryStore(),
  clock,
  newId: () => `post-${String(++serial).padStart(2, '0')}`,
  accounts: [
    { account: bucharest, queue: 'Mon/Wed/Fri 09:00 and 17:30', minGapMs: 2 * 3_600_000 },
    { account: tehran, queue: 'Sat/Sun/Mon/Tue/Wed 10:00', dailyCap: 1 },
  ],
});

/** An entry's time as the account's team reads it: "Mon 02 Mar 09:00". */
function local(entry: CalendarEntry): string {
  const zone = calendar.account(entry.accountKey)!.timeZone;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(entry.scheduledAt!))
    .replace(',', '');
}

async function printWeek(label: string): Promise<CalendarEntry[]> {
  const week = await calendar.range('2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z', { statuses: ['scheduled'] });
  console.log(`\n${label}`);
  for (const key of [BLUESKY, MASTODON]) {
    const account = calendar.account(key)!;
    const mine = week.filter((entry) => entry.accountKey === key);
    const later = await calendar.range('2026-03-09T00:00:00Z', '2026-05-01T00:00:00Z', { accountKeys: [key], statuses: ['scheduled'] });
    console.log(
      `  @${account.handle} (${account.timeZone}): ${mine.length} posts this week${later.length > 0 ? `, ${later.length} pushed to next week` : ''}`,
    );
    for (const entry of mine) detail(`    ${local(entry)}  ${entry.id}  ${entry.draft.text}`);
  }
  return week;
}

try {
  // 1. Fill the queues: each draft takes its account's next free slot, in order.
  const texts = [
    'Spring collection preview 🌷',
    'Meet the team: Ioana',
    'Behind the scenes at the workshop',
    'Customer story: Cluj bakery',
    'Weekend reading list',
  ];
  await calendar.createMany(
    texts.map((text) => ({ draft: { text, tags: ['spring'] }, accounts: [BLUESKY], place: 'queue' as const })),
    { by: 'ana' },
  );
  const persian = ['پیش‌نمایش مجموعهٔ بهاری 🌷', 'با تیم آشنا شوید', 'پشت صحنهٔ کارگاه', 'داستان یک مشتری'];
  await calendar.createMany(
    persian.map((text) => ({ draft: { text, language: 'fa', tags: ['spring'] }, accounts: [MASTODON], place: 'queue' as const })),
    { by: 'reza' },
  );
  await printWeek('Queued (each post in the next free slot, in local time):');

  // 2. Shuffle the Bucharest queue (a seeded random keeps the example repeatable), then
  //    move the customer story to the top: the rest follow in order, no gaps.
  let seed = 7;
  const random = () => ((seed = (seed * 16_807) % 2_147_483_647) - 1) / 2_147_483_646;
  await calendar.reshuffle(BLUESKY, { by: 'ana', order: 'random', random });
  const story = (await calendar.range('2026-03-02T00:00:00Z', '2026-04-01T00:00:00Z', { accountKeys: [BLUESKY] })).find((entry) =>
    entry.draft.text.startsWith('Customer story'),
  )!;
  await calendar.moveToTop(story.id, { by: 'ana', reason: 'the bakery asked for Monday' });

  // 3. A blackout: nothing goes out on Wednesday 4 March (Bucharest time) for the Bluesky
  //    account. Existing entries stay until the queue is re-packed.
  calendar.addBlackout({ from: '2026-03-03T22:00:00Z', to: '2026-03-04T22:00:00Z', accountKeys: [BLUESKY], reason: 'office move' });
  await calendar.reshuffle(BLUESKY, { by: 'ana', order: 'compact' });
  const week = await printWeek('After reshuffle, move-to-top and a Wednesday blackout:');

  const wednesday = week.filter((entry) => entry.accountKey === BLUESKY && local(entry).startsWith('Wed'));
  if (wednesday.length > 0)
    throw new Error(`the blackout was ignored: ${wednesday.map((entry) => entry.id).join(', ')} still on Wednesday`);
  const first = week.filter((entry) => entry.accountKey === BLUESKY)[0];
  if (first?.id !== story.id) throw new Error(`moveToTop did not put ${story.id} first (first is ${first?.id})`);
  console.log(`\nmoved to the top: "${story.draft.text}" → ${local(first)} Bucharest`);

  // 4. Export everything that is placed: iCalendar for calendar apps, CSV for spreadsheets.
  const all = await calendar.range('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z');
  await mkdir(outDir, { recursive: true });
  const ics = toICalendar(all, { name: 'Acme spring calendar' });
  await writeFile(new URL('calendar.ics', outDir), ics);
  await writeFile(new URL('calendar.csv', outDir), entriesToCsv(all));

  // Read both back the way other tools would, and check nothing was lost.
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  const starts = new Set(events.map((event) => event.startDate.toJSDate().toISOString()));
  const missing = all.filter((entry) => !starts.has(entry.scheduledAt!));
  if (events.length !== all.length || missing.length > 0)
    throw new Error(`calendar.ics has ${events.length} events for ${all.length} entries`);
  const rows = Papa.parse<Record<string, string>>(entriesToCsv(all), { header: true, skipEmptyLines: true }).data;
  if (rows.length !== all.length || rows.some((row, index) => row.text !== all[index]!.draft.text))
    throw new Error('calendar.csv does not round-trip the post texts');

  console.log(`wrote out/calendar.ics (${events.length} events, parsed back with ical.js) and out/calendar.csv (${rows.length} rows)`);
  detail(`first event: ${events[0]!.summary} at ${events[0]!.startDate.toJSDate().toISOString()}`);
} catch (error) {
  console.error(`queue-and-calendar failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
