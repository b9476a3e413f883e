import { createFakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.js';
import { CsvImportError, entriesToCsv } from './csv.js';
import { importCsv } from './csv-import.js';
import { createMemoryStore } from '../schedule-store/index.js';

const ACCOUNTS = [
  { account: { platform: 'x', id: '1', handle: 'a', timeZone: 'Europe/Bucharest' }, queue: 'daily 09:00 and 17:30', dailyCap: 2 },
  { account: { platform: 'mastodon', id: '7', handle: 'b', timeZone: 'Asia/Tehran' }, queue: 'Mon-Fri 12:00' },
];

function fresh() {
  let n = 0;
  return createCalendar({
    store: createMemoryStore(),
    clock: createFakeClock({ now: '2026-03-23T06:00:00.000Z' }),
    newId: () => `id${++n}`,
    accounts: ACCOUNTS,
  });
}

describe('CSV', () => {
  it('export → import round-trips every column that describes the post', async () => {
    const source = fresh();
    await source.createMany(
      [
        { draft: { text: 'Plain', tags: ['a', 'b'], campaign: 'spring' }, accounts: ['x:1'], place: 'queue' },
        {
          draft: { text: 'Line one\nline "two", with, commas', link: 'https://example.com/x', language: 'ro' },
          accounts: ['x:1'],
          place: 'queue',
        },
        {
          draft: { text: '=SUM(A1) is not a formula', visibility: 'unlisted' },
          accounts: ['mastodon:7'],
          place: { at: '2026-03-30T08:00:00.000Z' },
        },
        {
          draft: {
            text: 'سلام دنیا 👋🏽',
            media: [{ kind: 'image', source: { type: 'url', url: 'https://cdn.example/a.jpg' }, mimeType: 'image/jpeg', altText: 'A cat' }],
            thread: [{ text: 'part 2' }],
          },
          accounts: ['mastodon:7'],
          place: 'queue',
        },
      ],
      { by: 'ana' },
    );
    const exported = await source.store.query({});
    const csv = entriesToCsv(exported);
    expect(csv).toContain("'=SUM(A1)");

    const target = fresh();
    const { imported, errors } = await importCsv(target, csv, { by: 'importer' });
    expect(errors).toEqual([]);
    const describe = (entries: typeof exported) =>
      entries.map((e) => ({ account: e.accountKey, at: e.scheduledAt, placement: e.placement, status: e.status, draft: e.draft }));
    expect(describe(imported)).toEqual(describe(exported));
    // And back out again, byte for byte except the new entries' ids.
    const withoutIds = (text: string) => text.replace(/^id\d+,/gm, ',');
    expect(withoutIds(entriesToCsv(await target.store.query({})))).toBe(withoutIds(csv));
  });

  it('reports every bad row with its line number and imports nothing', async () => {
    const calendar = fresh();
    const csv = [
      'account,text,scheduled_at,tags,media',
      'x:1,fine,,,',
      'x:9,unknown account,,,',
      '"x:1","a quoted',
      'multi-line text",,,', // line 4–5: a good row spanning two lines
      'x:1,,,,', // line 6: empty post
      'x:1,past,2026-03-01T00:00:00Z,,', // line 7
      'x:1,bad time,next tuesday,,', // line 8
      'x:1,bad media,,,[oops', // line 9
      'x:1,local time,2026-03-24 09:00,,', // line 10: good (09:00 Bucharest)
      'x:1,too many,2026-03-24 17:30,,', // 11: fine (cap 2)
      'x:1,cap,2026-03-24 12:00,,', // 12: third on Tue → cap
    ].join('\n');
    let caught: unknown;
    try {
      await importCsv(calendar, csv, { by: 'ana' });
    } catch (error) {
      caught = error;
    }
    expect(CsvImportError.isInstance(caught)).toBe(true);
    const rows = (caught as CsvImportError).rows;
    expect(rows.map((row) => row.line)).toEqual([3, 6, 7, 8, 9, 12]);
    expect(rows.map((row) => row.reasons[0]!.code)).toEqual([
      'unknown_account',
      'custom',
      'in_past',
      'invalid_instant',
      'invalid_json',
      'slot_conflict',
    ]);
    expect((caught as Error).message).toContain('line 3');
    expect(rows[5]!.reasons[0]!.message).toContain('daily cap');
    expect(await calendar.store.query({})).toEqual([]);

    const partial = await importCsv(calendar, csv, { by: 'ana', importValidRows: true });
    expect(partial.errors.map((row) => row.line)).toEqual([3, 6, 7, 8, 9, 12]);
    expect(partial.imported.map((e) => [e.draft.text, e.scheduledAt])).toEqual([
      ['fine', '2026-03-23T07:00:00.000Z'],
      ['a quoted\nmulti-line text', '2026-03-23T15:30:00.000Z'],
      ['local time', '2026-03-24T07:00:00.000Z'],
      ['too many', '2026-03-24T15:30:00.000Z'],
    ]);
    expect(await calendar.store.query({})).toHaveLength(4);
  });

  it('refuses a file without the required columns', async () => {
    await expect(importCsv(fresh(), 'foo,bar\n1,2\n', { by: 'ana' })).rejects.toThrow(/account, text/);
  });

  it('round-trips texts that start with the escape quote or a formula character', async () => {
    const texts = ["'=SUM(A1) quoted on purpose", "''double", "'plain quote", '+40 721 000 000', '-minus', '@handle hi', '=1+1'];
    const source = fresh();
    await source.createMany(
      texts.map((text) => ({ draft: { text }, accounts: ['mastodon:7'], place: 'queue' as const })),
      { by: 'ana' },
    );
    const csv = entriesToCsv(await source.store.query({}));
    // No exported cell starts with a bare formula character.
    expect(csv).not.toMatch(/(^|,)[=+@-]/m);
    const { imported } = await importCsv(fresh(), csv, { by: 'importer' });
    expect(imported.map((entry) => entry.draft.text)).toEqual(texts);
  });

  it('writes a UTF-8 BOM on request, and import reads a file that has one', async () => {
    const source = fresh();
    await source.createEntries({ draft: { text: 'سلام، دنیا · می‌خواهم' }, accounts: ['mastodon:7'], place: 'queue' }, { by: 'ana' });
    const entries = await source.store.query({});
    expect(entriesToCsv(entries).charCodeAt(0)).not.toBe(0xfeff);
    const withBom = entriesToCsv(entries, { bom: true });
    expect([...new TextEncoder().encode(withBom).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.slice(1)).toBe(entriesToCsv(entries));
    const { imported } = await importCsv(fresh(), withBom, { by: 'importer' });
    expect(imported.map((entry) => entry.draft.text)).toEqual(['سلام، دنیا · می‌خواهم']);
  });

  it('refuses an unknown column, naming it, even with importValidRows', async () => {
    const csv = 'account,text,at\nx:1,hello,2026-03-30T07:00:00Z\n';
    const error = await importCsv(fresh(), csv, { by: 'ana', importValidRows: true }).catch((caught: unknown) => caught);
    expect(CsvImportError.isInstance(error)).toBe(true);
    const reasons = (error as CsvImportError).rows[0]!.reasons;
    expect(reasons.map((reason) => [reason.code, reason.path])).toEqual([['unknown_column', ['at']]]);
    expect(reasons[0]!.message).toContain('scheduled_at');
  });

  it.each(['2026-02-30T09:00:00Z', '2026-04-31T09:00:00+03:00', '2026-02-30 09:00', '2026-03-30T25:00', '2026-03-30', 'next monday'])(
    'refuses scheduled_at %s instead of rolling it over',
    async (when) => {
      const error = await importCsv(fresh(), `account,text,scheduled_at\nx:1,hello,${when}\n`, { by: 'ana' }).catch(
        (caught: unknown) => caught,
      );
      expect(CsvImportError.isInstance(error)).toBe(true);
      expect((error as CsvImportError).rows[0]!.reasons.map((reason) => [reason.code, reason.path])).toEqual([
        ['invalid_instant', ['scheduled_at']],
      ]);
    },
  );

  it('reads scheduled_at with an offset as that instant', async () => {
    const { imported } = await importCsv(fresh(), 'account,text,scheduled_at\nx:1,hello,2026-03-30T10:00:00+03:00\n', { by: 'ana' });
    expect(imported[0]!.scheduledAt).toBe('2026-03-30T07:00:00.000Z');
  });
});
