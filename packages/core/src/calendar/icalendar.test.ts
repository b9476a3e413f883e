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

  async function icsOf(drafts: Array<{ text: string; link?: string }>): Promise<string> {
    let n = 0;
    const calendar = createCalendar({
      store: createMemoryStore(),
      clock: createFakeClock({ now: '2026-03-23T06:00:00.000Z' }),
      newId: () => `e${++n}`,
      accounts: [{ account: { platform: 'bluesky', id: 'did:plc:a', handle: 'a', timeZone: 'UTC' }, queue: 'daily 10:00' }],
    });
    await calendar.createMany(
      drafts.map((draft) => ({ draft, accounts: ['bluesky:did:plc:a'], place: 'queue' as const })),
      { by: 'ana' },
    );
    return toICalendar(await calendar.store.query({}));
  }

  it('ends the file with CRLF, like every other line (RFC 5545 §3.1)', async () => {
    const ics = await icsOf([{ text: 'hello' }]);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes URL as a URI: commas and semicolons come back from ical.js without backslashes', async () => {
    const link = 'https://example.com/landing/with/a/rather/long/path?ids=1,2&utm=a;b&note=caf%C3%A9';
    const ics = await icsOf([{ text: 'links', link }]);
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.component.getFirstPropertyValue('url')).toBe(link);
    expect(ics).not.toContain('\\,');
  });

  it('percent-encodes what a URI cannot hold (non-ASCII) as UTF-8', async () => {
    const ics = await icsOf([{ text: 'links', link: 'https://example.com/?q=ü' }]);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.component.getFirstPropertyValue('url')).toBe('https://example.com/?q=%C3%BC');
  });

  it('cuts SUMMARY at 80 grapheme clusters, never inside an emoji', async () => {
    // 👩🏽‍💻 is one grapheme of 7 UTF-16 units (woman, skin tone, ZWJ, laptop).
    const coder = '\u{1F469}\u{1F3FD}\u200D\u{1F4BB}';
    const ics = await icsOf([{ text: coder.repeat(100) }, { text: `${'a'.repeat(78)}\u{1F1F7}\u{1F1F4}\u{1F1F7}\u{1F1F4}` }]);
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events[0]!.summary).toBe(`${coder.repeat(79)}…`);
    // 78 letters and two flags (2 regional indicators each) = 80 graphemes: fits, kept whole.
    expect(events[1]!.summary).toBe(`${'a'.repeat(78)}\u{1F1F7}\u{1F1F4}\u{1F1F7}\u{1F1F4}`);
  });
});
