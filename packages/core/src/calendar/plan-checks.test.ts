import { createFakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { createMemoryStore } from '../schedule-store/index.js';
import { CONTENT_RULES } from '../text/index.js';
import { createCalendar } from './calendar.js';
import type { CalendarOptions } from './calendar-options.js';
import { CsvImportError, entriesToCsv } from './csv.js';
import { importCsv } from './csv-import.js';

const ACCOUNTS = [
  { account: { platform: 'x', id: '1', handle: 'a', timeZone: 'Europe/Bucharest' }, queue: 'daily 09:00' },
  { account: { platform: 'bluesky', id: 'did:plc:b', handle: 'b', timeZone: 'America/New_York' }, queue: 'daily 09:00' },
  { account: { platform: 'mastodon', id: '7', handle: 'c', timeZone: 'Asia/Tehran' }, queue: 'daily 12:00' },
];

function setup(options: Partial<CalendarOptions> = {}) {
  let n = 0;
  const store = options.store ?? createMemoryStore();
  const calendar = createCalendar({
    store,
    clock: createFakeClock({ now: '2026-03-23T06:00:00.000Z' }),
    newId: () => `e${++n}`,
    accounts: ACCOUNTS,
    ...options,
  });
  return { calendar, store };
}

async function issuesOf(promise: Promise<unknown>): Promise<Array<{ path: unknown[]; code: string; message: string }>> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!ValidationError.isInstance(error)) throw new Error(`expected a ValidationError, got ${String(error)}`);
  return error.issues;
}

describe('plans are checked against every target network when they are made', () => {
  it('createMany refuses a 400-character X post, naming the item, the network and the account', async () => {
    const { calendar, store } = setup();
    const long = 'a'.repeat(400);
    const issues = await issuesOf(
      calendar.createMany(
        [
          { draft: { text: 'fine' }, accounts: ['x:1'], place: 'queue' },
          { draft: { text: long }, accounts: ['x:1', 'bluesky:did:plc:b', 'mastodon:7'], place: 'queue' },
        ],
        { by: 'ana' },
      ),
    );
    // 400 ASCII letters: X counts 400 of 280, Bluesky 400 of 300 graphemes, Mastodon's 500 fits.
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      [[1, 'draft', 'text'], 'text_too_long'],
      [[1, 'draft', 'text'], 'text_too_long'],
    ]);
    expect(issues[0]!.message).toMatch(/^x: .*400.*280.*\(for x:1\)$/);
    expect(issues[1]!.message).toMatch(/^bluesky: .*400.*300.*\(for bluesky:did:plc:b\)$/);
    expect(await store.query({})).toEqual([]);
  });

  it('names every account of a network once, in order, in one issue for that network', async () => {
    const xAccounts = ['2', '3', '4'].map((id) => ({
      account: { platform: 'x', id, handle: `x${id}`, timeZone: 'UTC' },
      queue: 'daily 09:00',
    }));
    const { calendar } = setup({ accounts: [...ACCOUNTS, ...xAccounts] });
    const issues = await issuesOf(
      calendar.createEntries(
        { draft: { text: 'b'.repeat(290) }, accounts: ['x:1', 'mastodon:7', 'x:2', 'x:3', 'x:4'], place: 'queue' },
        { by: 'ana' },
      ),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/^x: .*290.*280.*\(for x:1, x:2, x:3, x:4\)$/);
  });

  it('uses the adapters’ content rules when given, and contentRules over both', async () => {
    const tiny = { ...CONTENT_RULES.mastodon, text: { ...CONTENT_RULES.mastodon.text, maxLength: 10 } };
    const { calendar } = setup({ adapters: [{ platform: 'mastodon', capabilities: { content: tiny } }] });
    expect(await issuesOf(calendar.createEntries({ draft: { text: 'eleven char' }, accounts: ['mastodon:7'] }, { by: 'ana' }))).toEqual([
      expect.objectContaining({ path: ['draft', 'text'], code: 'text_too_long' }),
    ]);
    expect(await calendar.createEntries({ draft: { text: 'ten chars!' }, accounts: ['mastodon:7'] }, { by: 'ana' })).toHaveLength(1);

    const roomy = { ...CONTENT_RULES.x, text: { ...CONTENT_RULES.x.text, maxLength: 1000 } };
    const overridden = setup({ contentRules: { x: roomy } }).calendar;
    expect(await overridden.createEntries({ draft: { text: 'a'.repeat(400) }, accounts: ['x:1'] }, { by: 'ana' })).toHaveLength(1);
  });

  it('importCsv reports the row (line) whose text breaks its network’s rules', async () => {
    const { calendar } = setup();
    const csv = `account,text\nx:1,short\nx:1,${'b'.repeat(300)}\n`;
    const error = await importCsv(calendar, csv, { by: 'ana' }).catch((caught: unknown) => caught);
    expect(CsvImportError.isInstance(error)).toBe(true);
    expect((error as CsvImportError).rows.map((row) => [row.line, row.reasons.map((reason) => reason.code)])).toEqual([
      [3, ['text_too_long']],
    ]);
  });

  it('submit, approve and edit refuse a draft that breaks the rules, changing nothing', async () => {
    const store = createMemoryStore();
    // Planned before checks were on (checkContent: false), then reviewed by a checking calendar.
    const lax = setup({ store, checkContent: false, approvals: { default: { required: 1 } } }).calendar;
    const [entry] = await lax.createEntries({ draft: { text: 'c'.repeat(281) }, accounts: ['x:1'] }, { by: 'ana' });
    const { calendar } = setup({ store, approvals: { default: { required: 1 } } });
    expect((await issuesOf(calendar.submit(entry!.id, { by: 'ana' }))).map((issue) => issue.code)).toEqual(['text_too_long']);
    await lax.submit(entry!.id, { by: 'ana' });
    const before = await store.get(entry!.id);
    expect((await issuesOf(calendar.approve(entry!.id, { by: 'li', role: 'editor' }))).map((issue) => issue.code)).toEqual([
      'text_too_long',
    ]);
    expect(await store.get(entry!.id)).toEqual(before);
    expect((await issuesOf(calendar.edit(entry!.id, { text: 'd'.repeat(300) }, { by: 'ana' }))).map((issue) => issue.code)).toEqual([
      'text_too_long',
    ]);
    const fixed = await calendar.edit(entry!.id, { text: 'short now' }, { by: 'ana' });
    expect((await calendar.approve(fixed.id, { by: 'li', role: 'editor' })).status).toBe('approved');
  });
});

describe('place.at takes a local wall time in each account’s zone', () => {
  it('reads 2027-01-05T09:00 in Asia/Tehran (UTC+03:30) as 05:30Z', async () => {
    const { calendar } = setup();
    const [entry] = await calendar.createEntries(
      { draft: { text: 'salam' }, accounts: ['mastodon:7'], place: { at: '2027-01-05T09:00' } },
      { by: 'ana' },
    );
    expect(entry).toMatchObject({ status: 'scheduled', placement: 'pinned', scheduledAt: '2027-01-05T05:30:00.000Z' });
  });

  it('gives each account the same wall time in its own zone', async () => {
    const { calendar } = setup();
    const entries = await calendar.createEntries(
      { draft: { text: 'hi' }, accounts: ['x:1', 'bluesky:did:plc:b'], place: { at: '2027-01-05 09:00' } },
      { by: 'ana' },
    );
    // Bucharest is UTC+2 in January, New York UTC−5.
    expect(entries.map((entry) => [entry.accountKey, entry.scheduledAt])).toEqual([
      ['x:1', '2027-01-05T07:00:00.000Z'],
      ['bluesky:did:plc:b', '2027-01-05T14:00:00.000Z'],
    ]);
  });

  it('follows the queue’s DST rule: a gap time moves forward, an overlap time takes the earlier instant', async () => {
    const { calendar } = setup();
    // New York 2027: clocks go 02:00 → 03:00 on 14 March and 02:00 → 01:00 on 7 November.
    const [gap] = await calendar.createEntries(
      { draft: { text: 'gap' }, accounts: ['bluesky:did:plc:b'], place: { at: '2027-03-14T02:30' } },
      { by: 'ana' },
    );
    const [overlap] = await calendar.createEntries(
      { draft: { text: 'overlap' }, accounts: ['bluesky:did:plc:b'], place: { at: '2027-11-07T01:30' } },
      { by: 'ana' },
    );
    expect(gap!.scheduledAt).toBe('2027-03-14T07:30:00.000Z'); // 03:30 EDT
    expect(overlap!.scheduledAt).toBe('2027-11-07T05:30:00.000Z'); // 01:30 EDT, the first of the two
  });

  it('schedule() takes a local time too; impossible dates are refused', async () => {
    const { calendar } = setup();
    const [entry] = await calendar.createEntries({ draft: { text: 'later' }, accounts: ['mastodon:7'] }, { by: 'ana' });
    expect((await calendar.schedule(entry!.id, { at: '2027-01-05T09:00', by: 'ana' })).scheduledAt).toBe('2027-01-05T05:30:00.000Z');
    for (const at of ['2027-02-30T09:00', '2027-02-30T09:00:00Z', 'tomorrow']) {
      expect((await issuesOf(calendar.schedule(entry!.id, { at, by: 'ana' }))).map((issue) => [issue.path, issue.code])).toEqual([
        [['at'], 'invalid_instant'],
      ]);
      expect(
        (await issuesOf(calendar.createEntries({ draft: { text: 'x' }, accounts: ['mastodon:7'], place: { at } }, { by: 'ana' }))).map(
          (issue) => [issue.path, issue.code],
        ),
      ).toEqual([[['place', 'at'], 'invalid_instant']]);
    }
  });
});

describe('no silent empties', () => {
  it('range(b, a) is an error, range(a, a) is empty', async () => {
    const { calendar } = setup();
    expect((await issuesOf(calendar.range('2026-05-01T00:00:00Z', '2026-04-01T00:00:00Z'))).map((issue) => issue.path)).toEqual([['to']]);
    expect(await calendar.range('2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([]);
  });

  it.each([0, -1, 1.5, Number.NaN])('nextFreeSlots(…, %s) is an error', async (n) => {
    const { calendar } = setup();
    await expect(calendar.nextFreeSlots('x:1', '2026-03-23T00:00:00Z', n)).rejects.toThrow(ValidationError);
  });

  it('nextFreeSlots(…, 2) gives exactly two', async () => {
    const { calendar } = setup();
    // 09:00 in Bucharest (UTC+2 until 29 March) is 07:00Z; now is 06:00Z on the 23rd.
    expect(await calendar.nextFreeSlots('x:1', '2026-03-23T06:00:00Z', 2)).toEqual([
      '2026-03-23T07:00:00.000Z',
      '2026-03-24T07:00:00.000Z',
    ]);
  });
});

describe('per-network variants on the calendar', () => {
  const full = 'a'.repeat(400); // 400 of 280 on X, 400 of 300 on Bluesky, fits Mastodon's 500

  it('checks each account against its own variant, reporting a bad variant where it lives', async () => {
    const { calendar, store } = setup();
    const accounts = ['x:1', 'bluesky:did:plc:b', 'mastodon:7'];
    const issues = await issuesOf(
      calendar.createEntries(
        { draft: { text: full, variants: { x: { text: 'short for X' }, bluesky: { text: 'b'.repeat(301) } } }, accounts },
        { by: 'ana' },
      ),
    );
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([[['draft', 'variants', 'bluesky', 'text'], 'text_too_long']]);
    expect(issues[0]!.message).toMatch(/^bluesky: .*301.*300.*\(for bluesky:did:plc:b\)$/);
    expect(await store.query({})).toEqual([]);

    const entries = await calendar.createEntries(
      { draft: { text: full, variants: { x: { text: 'short for X' }, bluesky: { text: 'short for Bluesky' } } }, accounts },
      { by: 'ana' },
    );
    // Every entry keeps the whole draft, variants included: each resolves its own at publish time.
    expect(entries.map((entry) => entry.draft.variants)).toEqual(
      Array(3).fill({ x: { text: 'short for X' }, bluesky: { text: 'short for Bluesky' } }),
    );
    expect(new Set(entries.map((entry) => entry.groupId)).size).toBe(1);
  });

  it('one approval covers the variants; editing a variant after approval sends the entry back to review', async () => {
    const { calendar } = setup({ approvals: { default: { required: 1 } } });
    const draft = { text: full, variants: { x: { text: 'short for X' } } };
    const [entry] = await calendar.createEntries({ draft, accounts: ['x:1'] }, { by: 'ana' });
    await calendar.submit(entry!.id, { by: 'ana' });
    const approved = await calendar.approve(entry!.id, { by: 'li', role: 'editor' });
    expect(approved.status).toBe('approved');
    expect(approved.draft.variants).toEqual({ x: { text: 'short for X' } });

    const edited = await calendar.edit(entry!.id, { ...draft, variants: { x: { text: 'shorter for X' } } }, { by: 'ana' });
    expect(edited.status).toBe('in_review');
    expect(edited.approvals).toEqual([]);
    expect(edited.draft.variants).toEqual({ x: { text: 'shorter for X' } });
    // A variant edited past its network's limit is refused like the text would be.
    expect(
      (await issuesOf(calendar.edit(entry!.id, { ...draft, variants: { x: { text: 'c'.repeat(281) } } }, { by: 'ana' }))).map(
        (issue) => issue.path,
      ),
    ).toEqual([['draft', 'variants', 'x', 'text']]);
  });

  it('round-trips variants through CSV export and import', async () => {
    const variants = { x: { text: '=1+1 for X, kept as text' }, bluesky: { text: 'Bluesky 🦋 نسخه', link: 'https://example.com/b' } };
    const { calendar } = setup();
    const created = await calendar.createEntries(
      { draft: { text: full, variants }, accounts: ['x:1', 'bluesky:did:plc:b'], place: 'queue' },
      { by: 'ana' },
    );
    const csv = entriesToCsv(created);
    expect(csv.split('\r\n')[0]!.split(',').at(-1)).toBe('variants');
    const other = setup().calendar;
    const { imported } = await importCsv(other, csv, { by: 'li' });
    expect(imported.map((entry) => entry.draft.variants)).toEqual([variants, variants]);
    expect(imported.map((entry) => entry.draft.text)).toEqual([full, full]);

    const bad = `account,text,variants\nx:1,hello,"[""x""]"\nx:1,hello,"{""x"":{""title"":""no""}}"\n`;
    const error = await importCsv(other, bad, { by: 'li' }).catch((caught: unknown) => caught);
    expect(CsvImportError.isInstance(error)).toBe(true);
    expect((error as CsvImportError).rows.map((row) => [row.line, row.reasons.map((reason) => reason.path.join('.'))])).toEqual([
      [2, ['variants']],
      [3, ['draft.variants.x']],
    ]);
  });
});
