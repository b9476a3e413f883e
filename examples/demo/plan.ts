/**
 * Step 5 (and the calendar steps 4 and 6 share): the content calendar. Each account has a
 * queue of weekly slots written in its own time zone — the X account posts for New York, the
 * Bluesky and Mastodon accounts for Berlin — so 09:00 stays 09:00 local even on the Sunday
 * the United States moves its clocks. Approved entries take the next free slot.
 */
import { createCalendar, type Calendar } from '@smm/core/calendar';
import type { CalendarEntry, ScheduleStore } from '@smm/core/schedule-store';
import type { Clock } from '@smm/core/clock';
import type { Platform } from './article.js';
import { detail, say, table } from './narrate.js';
import { BRAND, type Networks } from './simulators.js';

/** Each account's queue, in its own zone. 12 + 11 + 11 slots: one week of posts. */
export const QUEUES: Record<Platform, string> = {
  x: 'Mon-Fri 09:00 and 15:00; Sat-Sun 11:00',
  bluesky: 'Mon-Fri 08:30 and 17:30; Sun 10:00',
  mastodon: 'Mon-Fri 12:00 and 19:00; Sat 10:00',
  // LinkedIn: the article and its lessons, 11 slots in Berlin.
  linkedin: 'Mon-Fri 08:00 and 16:00; Sat 11:00',
};

/** Entry ids are readable (`x-lesson-03`); the calendar asks for one per new entry. */
export interface DemoCalendar {
  calendar: Calendar;
  /** The id the next created entry gets. */
  nextId(id: string): void;
}

export function createDemoCalendar(store: ScheduleStore, networks: Networks, clock: Clock): DemoCalendar {
  let next = '';
  const calendar = createCalendar({
    store,
    clock,
    newId: () => next,
    accounts: networks.list.map((network) => ({
      account: network.account,
      queue: QUEUES[network.platform],
      minGapMs: 2 * 3_600_000,
    })),
    // Every post of the brand needs one approval from an editor.
    approvals: { brands: { [BRAND]: { required: 1, roles: ['editor'] } } },
  });
  return { calendar, nextId: (id) => void (next = id) };
}

const dayFormat = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
const timeFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const offsetFormat = (timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
const zoneName = (instant: Date, timeZone: string) =>
  offsetFormat(timeZone)
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;

/** Prints the week: one row per day, each account's slots in its own local time. */
export function printPlan(entries: readonly CalendarEntry[], networks: Networks, labels: ReadonlyMap<string, string>): void {
  const days: string[] = [];
  const cells = new Map<string, string[]>();
  // Rows are the Berlin days (the report's zone); each cell lists local times.
  const berlinDay = dayFormat('Europe/Berlin');
  for (const entry of entries) {
    const network = networks.list.find((candidate) => candidate.key === entry.accountKey);
    if (!network || !entry.scheduledAt) continue;
    const at = new Date(entry.scheduledAt);
    const day = berlinDay.format(at);
    if (!days.includes(day)) days.push(day);
    const key = `${day}|${network.platform}`;
    cells.set(key, [...(cells.get(key) ?? []), timeFormat(network.account.timeZone).format(at)]);
  }
  const header = [
    'day (Berlin)',
    ...networks.list.map((network) => `${network.name} (${network.account.timeZone.split('/')[1]!.replace('_', ' ')})`),
  ];
  const rows = days.map((day) => [day, ...networks.list.map((network) => (cells.get(`${day}|${network.platform}`) ?? ['—']).join(' '))]);
  for (const line of table(header, rows)) say(line);

  // New York changes to summer time on Sunday 8 March, Berlin three weeks later: a slot keeps
  // its wall-clock time, so its UTC instant moves.
  for (const network of networks.list) {
    const zone = network.account.timeZone;
    const own = entries
      .filter((entry) => entry.accountKey === network.key && entry.scheduledAt)
      .map((entry) => new Date(entry.scheduledAt!));
    const last = own.at(-1);
    const before =
      last &&
      own.find((at) => timeFormat(zone).format(at) === timeFormat(zone).format(last) && zoneName(at, zone) !== zoneName(last, zone));
    if (last && before) {
      say(
        `${network.name}: ${timeFormat(zone).format(last)} in ${zone.split('/')[1]!.replace('_', ' ')} is ${before.toISOString().slice(11, 16)} UTC on ${dayFormat(zone).format(before)} (${zoneName(before, zone)}) ` +
          `but ${last.toISOString().slice(11, 16)} UTC on ${dayFormat(zone).format(last)} (${zoneName(last, zone)}): the slot keeps its local time across the clock change.`,
      );
    }
  }
  for (const entry of entries) {
    detail(`${entry.scheduledAt!.slice(0, 16).replace('T', ' ')}Z  ${entry.id.padEnd(22)} ${labels.get(entry.id) ?? ''}`);
  }
}
