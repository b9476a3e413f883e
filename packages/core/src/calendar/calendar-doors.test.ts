import { createFakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { createMemoryStore } from '../schedule-store/index.js';
import { createCalendar } from './calendar.js';

const ACCOUNT = { platform: 'mastodon', id: '1', handle: 'acme', timeZone: 'Europe/Berlin' };

function setup() {
  // Monday 2026-03-23 07:00 UTC = 08:00 in Berlin (CET).
  const clock = createFakeClock({ now: '2026-03-23T07:00:00.000Z' });
  let n = 0;
  const store = createMemoryStore();
  const calendar = createCalendar({ store, clock, newId: () => `e${++n}`, accounts: [{ account: ACCOUNT, queue: 'Mon-Fri 09:00' }] });
  return { calendar, store, clock };
}

async function refusal(call: () => Promise<unknown>): Promise<ValidationError> {
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(ValidationError.isInstance(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
  return error as ValidationError;
}

const ITEM = { draft: { text: 'hi' }, accounts: ['mastodon:1'], place: 'queue' as const };

describe('calendar doors: every argument checked, never a TypeError', () => {
  it('createMany without an actor is a ValidationError naming the call and the fix, and writes nothing', async () => {
    const { calendar, store } = setup();
    const error = await refusal(() => (calendar.createMany as (items: unknown) => Promise<unknown>)([ITEM]));
    expect(error.message).toContain('calendar.createMany actor');
    expect(error.message).toContain("by: 'who'");
    expect(await store.query({})).toEqual([]);
  });

  it.each([
    ['an empty object', {}, 'by: must name who does this'],
    ['an empty name', { by: '  ' }, 'by: must name who does this'],
    ['a misspelt key', { who: 'ana' }, 'unknown key(s) "who"'],
    ['a name that is not text', { by: 7 }, 'by: must name who does this'],
  ])('an actor with %s is refused, naming the field', async (_label, actor, expected) => {
    const { calendar, store } = setup();
    const error = await refusal(() => calendar.createMany([ITEM], actor as never));
    expect(error.message).toContain(expected);
    expect(await store.query({})).toEqual([]);
  });

  it('every calendar action that records who did it checks its actor', async () => {
    const { calendar } = setup();
    const [entry] = await calendar.createEntries({ draft: { text: 'draft' }, accounts: ['mastodon:1'] }, { by: 'ana' });
    const id = entry!.id;
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['createEntries', () => calendar.createEntries(ITEM, undefined as never)],
      ['submit', () => calendar.submit(id, undefined as never)],
      ['reject', () => calendar.reject(id, undefined as never)],
      ['edit', () => calendar.edit(id, { text: 'new' }, undefined as never)],
      ['addToQueue', () => calendar.addToQueue(id, undefined as never)],
      ['cancel', () => calendar.cancel(id, undefined as never)],
      ['pause', () => calendar.pause({ accountKey: 'mastodon:1' }, undefined as never)],
      ['resume', () => calendar.resume({ accountKey: 'mastodon:1' }, undefined as never)],
      ['recycleEvergreen', () => calendar.recycleEvergreen(undefined as never)],
    ];
    for (const [name, call] of calls) expect((await refusal(call)).message).toContain(`calendar.${name} actor`);
  });

  it('createMany with items that are not an array says what it needs', async () => {
    const { calendar } = setup();
    const error = await refusal(() => calendar.createMany(ITEM as never, { by: 'ana' }));
    expect(error.message).toContain('calendar.createMany items');
    expect(error.message).toContain('must be an array');
  });
});

describe('calendar.get', () => {
  it('returns an entry with its whole history, in order, and undefined for an unknown id', async () => {
    const { calendar, clock } = setup();
    const [entry] = await calendar.createEntries({ draft: { text: 'launch' }, accounts: ['mastodon:1'] }, { by: 'ana' });
    clock.advance(60_000);
    await calendar.addToQueue(entry!.id, { by: 'li', reason: 'ready' });
    clock.advance(60_000);
    await calendar.cancel(entry!.id, { by: 'mo', reason: 'postponed' });

    const read = await calendar.get(entry!.id);
    expect(read?.status).toBe('canceled');
    expect(read?.history.map((step) => [step.from, step.to, step.by])).toEqual([
      // No approval policy: queueing a draft schedules it in one step.
      [null, 'draft', 'ana'],
      ['draft', 'scheduled', 'li'],
      ['scheduled', 'canceled', 'mo'],
    ]);
    expect(read?.history.at(-1)?.reason).toBe('postponed');
    expect(await calendar.get('no-such-entry')).toBeUndefined();
  });

  it('refuses an id that is not a string', async () => {
    const { calendar } = setup();
    expect((await refusal(() => calendar.get(42 as never))).message).toContain('calendar.get id');
  });
});
