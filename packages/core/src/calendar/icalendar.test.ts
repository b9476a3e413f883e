import { createFakeClock } from '@smm/testkit/clock';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.js';
import { toICalendar } from './icalendar.js';
import { createMemoryStore } from '../schedule-store/index.js';

describe('toICalendar', () => {
  it('produces RFC 5545 that ical.js parses: stable UID, UTC DTSTART, SUMMARY from text', async () => {
    let n = 0;
    const calendar = createCalendar({
      store: createMemoryStore(),
      clock: createFakeClock({ now: '2026-03-23T06:00:00.000Z' }),
      newId: () => `entry-${++n}`,
      accounts: [{ account: { platform: 'x', id: '1', handle: 'a', timeZone: 'Asia/Kathmandu' }, queue: 'daily 10:00' }],
    });
    const text = 'Spring sale, 20% off; ends Friday!\nSee https://example.com/sale — ünïcødé 🚀 ' + 'x'.repeat(100);
    await calendar.createMany(
      [
        { draft: { text, tags: ['sale', 'spring'], link: 'https://example.com/sale' }, accounts: ['x:1'], place: 'queue' },
        { draft: { text: 'second' }, accounts: ['x:1'], place: 'queue' },
      ],
      { by: 'ana' },
    );
    await calendar.createEntries({ draft: { text: 'unplaced' }, accounts: ['x:1'] }, { by: 'ana' });
    const entries = await calendar.store.query({});
    const ics = toICalendar(entries);
    expect(ics).toBe(toICalendar(entries));
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);

    const root = new ICAL.Component(ICAL.parse(ics));
    expect(root.name).toBe('vcalendar');
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(root.getFirstPropertyValue('prodid')).toBeTruthy();
    const events = root.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(2);
    expect(events.map((event) => event.uid)).toEqual(['entry-1@smm.calendar', 'entry-2@smm.calendar']);
    // Now is 11:45 in Kathmandu, so the first 10:00 slot (+05:45 → 04:15 UTC) is tomorrow.
    expect(events[0]!.startDate.toString()).toBe('2026-03-24T04:15:00Z');
    expect(events[0]!.startDate.zone?.tzid).toBe('UTC');
    expect(events[1]!.startDate.toJSDate().toISOString()).toBe('2026-03-25T04:15:00.000Z');
    expect(events[0]!.description).toBe(text);
    expect(events[0]!.summary.startsWith('Spring sale, 20% off; ends Friday! See https://example.com/sale')).toBe(true);
    expect([...events[0]!.summary].length).toBe(80);
    expect(events[1]!.summary).toBe('second');
    const categories = events[0]!.component.getAllProperties('categories').flatMap((p) => p.getValues());
    expect(categories).toEqual(['sale', 'spring']);
    expect(events[0]!.component.getFirstPropertyValue('x-smm-status')).toBe('scheduled');
  });
});
