import { createFakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { createCalendar } from './calendar.js';
import { IllegalTransitionError, createMemoryStore } from '../schedule-store/index.js';
import { NoFreeSlotError } from './no-free-slot-error.js';

const HOUR = 3_600_000;
const BUC = { platform: 'x', id: '1', handle: 'acme_ro', timeZone: 'Europe/Bucharest', brand: 'acme' };
const NY = { platform: 'bluesky', id: 'did:plc:ny', handle: 'acme.bsky.social', timeZone: 'America/New_York', brand: 'acme' };

function setup(extra: Partial<Parameters<typeof createCalendar>[0]> = {}) {
  // Monday 2026-03-23 06:00 UTC = 08:00 in Bucharest (EET).
  const clock = createFakeClock({ now: '2026-03-23T06:00:00.000Z' });
  let n = 0;
  const calendar = createCalendar({
    store: createMemoryStore(),
    clock,
    newId: () => `e${++n}`,
    accounts: [
      { account: BUC, queue: 'Mon/Wed/Fri 09:00 and 17:30' },
      { account: NY, queue: 'daily 09:00, 10:00, 11:00', minGapMs: 90 * 60_000, dailyCap: 2 },
    ],
    ...extra,
  });
  return { calendar, clock };
}

describe('queue', () => {
  it('nextFreeSlots walks the weekly slots in the account zone, skipping taken ones', async () => {
    const { calendar } = setup();
    // Bucharest switches to EEST on Sun 29 Mar: 09:00 is 07:00Z before and 06:00Z after.
    expect(await calendar.nextFreeSlots('x:1', '2026-03-23T06:00:00.000Z', 5)).toEqual([
      '2026-03-23T07:00:00.000Z',
      '2026-03-23T15:30:00.000Z',
      '2026-03-25T07:00:00.000Z',
      '2026-03-25T15:30:00.000Z',
      '2026-03-27T07:00:00.000Z',
    ]);
    const placed = await calendar.createEntries({ draft: { text: 'one' }, accounts: ['x:1'], place: 'queue' }, { by: 'ana' });
    expect(placed[0]!.scheduledAt).toBe('2026-03-23T07:00:00.000Z');
    expect(placed[0]!.status).toBe('scheduled');
    expect(placed[0]!.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'draft'],
      ['draft', 'scheduled'],
    ]);
    expect((await calendar.nextFreeSlots('x:1', '2026-03-23T06:00:00.000Z', 1))[0]).toBe('2026-03-23T15:30:00.000Z');
  });

  it('respects min gap and daily cap (days in the account zone)', async () => {
    const { calendar } = setup();
    const entries = await calendar.createMany(
      Array.from({ length: 4 }, (_, i) => ({ draft: { text: `ny ${i}` }, accounts: ['bluesky:did:plc:ny'], place: 'queue' as const })),
      { by: 'ana' },
    );
    // 09:00 EDT = 13:00Z; 10:00 is within 90 min of it; 11:00 ok but cap 2/day → next day.
    expect(entries.map((e) => e.scheduledAt)).toEqual([
      '2026-03-23T13:00:00.000Z',
      '2026-03-23T15:00:00.000Z',
      '2026-03-24T13:00:00.000Z',
      '2026-03-24T15:00:00.000Z',
    ]);
  });

  it('skips blackouts, and a pinned time in one is refused with the reason', async () => {
    const { calendar } = setup({
      blackouts: [{ from: '2026-03-23T00:00:00.000Z', to: '2026-03-25T12:00:00.000Z', brands: ['acme'], reason: 'launch freeze' }],
    });
    expect(await calendar.nextFreeSlots('x:1', '2026-03-23T06:00:00.000Z', 2)).toEqual([
      '2026-03-25T15:30:00.000Z',
      '2026-03-27T07:00:00.000Z',
    ]);
    await expect(
      calendar.createEntries({ draft: { text: 'x' }, accounts: ['x:1'], place: { at: '2026-03-24T10:00:00.000Z' } }, { by: 'ana' }),
    ).rejects.toThrow(/blackout/);
  });

  it('reshuffle closes gaps in order; moveToTop puts one first; random order is repeatable', async () => {
    const { calendar } = setup();
    const made = await calendar.createMany(
      ['a', 'b', 'c'].map((text) => ({ draft: { text }, accounts: ['x:1'], place: 'queue' as const })),
      { by: 'ana' },
    );
    await calendar.cancel(made[0]!.id, { by: 'ana', reason: 'dropped' });
    const compact = await calendar.reshuffle('x:1', { by: 'ana' });
    expect(compact.map((e) => [e.draft.text, e.scheduledAt])).toEqual([
      ['b', '2026-03-23T07:00:00.000Z'],
      ['c', '2026-03-23T15:30:00.000Z'],
    ]);
    const top = await calendar.moveToTop(made[2]!.id, { by: 'ana' });
    expect(top.map((e) => [e.draft.text, e.scheduledAt])).toEqual([
      ['c', '2026-03-23T07:00:00.000Z'],
      ['b', '2026-03-23T15:30:00.000Z'],
    ]);
    const shuffled = await calendar.reshuffle('x:1', { by: 'ana', order: 'random', random: () => 0 });
    expect(shuffled.map((e) => e.draft.text)).toEqual(['b', 'c']);
  });

  it('says plainly when a queue has no slot left', async () => {
    const { calendar } = setup({ horizonDays: 1 });
    await calendar.createMany(
      [1, 2].map((i) => ({ draft: { text: `${i}` }, accounts: ['x:1'], place: 'queue' as const })),
      { by: 'ana' },
    );
    const [draft] = await calendar.createEntries({ draft: { text: '3' }, accounts: ['x:1'] }, { by: 'ana' });
    await expect(calendar.addToQueue(draft!.id, { by: 'ana' })).rejects.toSatisfy(NoFreeSlotError.isInstance);
  });

  it('one draft for several accounts makes one entry per account in a group', async () => {
    const { calendar } = setup();
    const entries = await calendar.createEntries(
      { draft: { text: 'both', tags: ['launch'] }, accounts: ['x:1', 'bluesky:did:plc:ny'], place: 'queue' },
      { by: 'ana' },
    );
    expect(entries.map((e) => e.accountKey)).toEqual(['x:1', 'bluesky:did:plc:ny']);
    expect(entries[0]!.groupId).toBeDefined();
    expect(entries[1]!.groupId).toBe(entries[0]!.groupId);
    expect(
      await calendar.range('2026-03-23T00:00:00.000Z', '2026-03-24T00:00:00.000Z', { platforms: ['bluesky'], tags: ['launch'] }),
    ).toHaveLength(1);
  });
});

describe('fill: 1,000 accounts × 3 slots/day', () => {
  it('respects min gap and daily cap with no two entries of one account in one slot', async () => {
    const zones = ['America/New_York', 'Europe/Bucharest', 'Asia/Tehran', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    const clock = createFakeClock({ now: '2026-03-01T00:00:00.000Z' });
    const accounts = Array.from({ length: 1000 }, (_, i) => ({
      account: { platform: 'x', id: String(i), handle: `a${i}`, timeZone: zones[i % zones.length]! },
      queue: i % 2 === 0 ? 'daily 09:00, 10:00, 17:30' : [{ kind: 'rrule' as const, rrule: 'FREQ=DAILY;BYHOUR=8,12,20;BYMINUTE=15' }],
      minGapMs: 2 * HOUR,
      dailyCap: 2,
    }));
    const store = createMemoryStore();
    let n = 0;
    const calendar = createCalendar({ store, clock, accounts, newId: () => `e${++n}` });
    // Two weeks here (the benchmark does the full year): cap 2/day → 28 entries per account.
    const perAccount = 28;
    const items = accounts.flatMap(({ account }) =>
      Array.from({ length: perAccount }, (_, k) => ({ draft: { text: `p${k}` }, accounts: [`x:${account.id}`], place: 'queue' as const })),
    );
    const entries = await calendar.createMany(items, { by: 'bulk' });
    expect(entries).toHaveLength(28_000);
    const byAccount = new Map<string, number[]>();
    for (const entry of entries)
      byAccount.set(entry.accountKey, [...(byAccount.get(entry.accountKey) ?? []), Date.parse(entry.scheduledAt!)]);
    for (const [key, times] of byAccount) {
      const zone = accounts[Number(key.slice(2))]!.account.timeZone;
      const sorted = [...times].sort((a, b) => a - b);
      expect(new Set(sorted).size).toBe(sorted.length);
      for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(2 * HOUR);
      const perDay = new Map<string, number>();
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (const ms of sorted) perDay.set(day.format(ms), (perDay.get(day.format(ms)) ?? 0) + 1);
      for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(2);
      expect(sorted[0]!).toBeGreaterThanOrEqual(clock.now());
    }
    // 28,000 entries planned and checked: seconds on a busy shared machine.
  }, 60_000);
});

describe('approvals', () => {
  const approvals = {
    brands: { acme: { required: 2, roles: ['editor', 'legal'] } },
    accounts: { 'bluesky:did:plc:ny': { required: 1, roles: [] } },
  };

  it('needs N approvals from the given roles, then takes its queue slot', async () => {
    const { calendar } = setup({ approvals });
    const [entry] = await calendar.createEntries({ draft: { text: 'needs review' }, accounts: ['x:1'], place: 'queue' }, { by: 'ana' });
    expect(entry!.status).toBe('draft');
    await expect(calendar.addToQueue(entry!.id, { by: 'ana' })).rejects.toThrow(/needs 2 approval\(s\) from editor or legal/);
    await calendar.submit(entry!.id, { by: 'ana' });
    await expect(calendar.approve(entry!.id, { by: 'bo', role: 'intern' })).rejects.toThrow(/"intern" cannot approve/);
    const once = await calendar.approve(entry!.id, { by: 'bo', role: 'editor' });
    expect(once.status).toBe('in_review');
    await expect(calendar.approve(entry!.id, { by: 'bo', role: 'legal' })).rejects.toThrow(/already approved/);
    const done = await calendar.approve(entry!.id, { by: 'li', role: 'legal' });
    expect(done.status).toBe('scheduled');
    expect(done.scheduledAt).toBe('2026-03-23T07:00:00.000Z');
    expect(done.history.map((h) => h.to)).toEqual(['draft', 'in_review', 'approved', 'scheduled']);
    expect(done.approvals.map((a) => a.by)).toEqual(['bo', 'li']);
  });

  it('an edit after approval goes back to review and clears approvals; rejection needs a reason', async () => {
    const { calendar } = setup({ approvals });
    const [entry] = await calendar.createEntries(
      { draft: { text: 'v1' }, accounts: ['bluesky:did:plc:ny'], place: 'queue' },
      { by: 'ana' },
    );
    await calendar.submit(entry!.id, { by: 'ana' });
    const scheduled = await calendar.approve(entry!.id, { by: 'li', role: 'anyone' });
    expect(scheduled.status).toBe('scheduled');
    const edited = await calendar.edit(entry!.id, { text: 'v2' }, { by: 'ana' });
    expect(edited.status).toBe('in_review');
    expect(edited.approvals).toEqual([]);
    expect(edited.history.at(-1)).toMatchObject({ from: 'scheduled', to: 'in_review', by: 'ana', reason: 'edited after approval' });
    await expect(calendar.reject(entry!.id, { by: 'li', reason: '  ' })).rejects.toThrow(ValidationError);
    const rejected = await calendar.reject(entry!.id, { by: 'li', reason: 'tone' });
    expect(rejected.status).toBe('draft');
    expect(rejected.history.at(-1)).toMatchObject({ from: 'in_review', to: 'draft', reason: 'tone' });
    await expect(calendar.approve(entry!.id, { by: 'li', role: 'x' })).rejects.toSatisfy(IllegalTransitionError.isInstance);
  });

  it('refusing to reject or approve outside review names the action, not a contradictory transition', async () => {
    const { calendar } = setup({ approvals });
    const [entry] = await calendar.createEntries(
      { draft: { text: 'v1' }, accounts: ['bluesky:did:plc:ny'], place: 'queue' },
      { by: 'ana' },
    );
    await calendar.submit(entry!.id, { by: 'ana' });
    await calendar.approve(entry!.id, { by: 'li', role: 'anyone' }); // scheduled now
    const refused = await calendar.reject(entry!.id, { by: 'li', reason: 'tone' }).catch((error: unknown) => error);
    expect(IllegalTransitionError.isInstance(refused)).toBe(true);
    expect((refused as Error).message).toContain('cannot be rejected: it is "scheduled", and only an entry in "in_review" can be');
    expect((refused as Error).message).not.toContain('cannot go from "scheduled" to "draft"');
    await expect(calendar.approve(entry!.id, { by: 'bo', role: 'anyone' })).rejects.toThrow(/cannot be approved: it is "scheduled"/);
  });
});

describe('pause, resume, evergreen', () => {
  it('pausing a brand holds its entries (never claimed) and resume re-places passed queue slots', async () => {
    const { calendar, clock } = setup();
    const store = calendar.store;
    const [a] = await calendar.createEntries({ draft: { text: 'a' }, accounts: ['x:1'], place: 'queue' }, { by: 'ana' });
    const [pinned] = await calendar.createEntries(
      { draft: { text: 'p' }, accounts: ['x:1'], place: { at: '2026-03-23T12:00:00.000Z' } },
      { by: 'ana' },
    );
    await calendar.pause({ brand: 'acme' }, { by: 'ana', reason: 'crisis' });
    expect(calendar.isPaused('x:1')).toBe(true);
    const [b] = await calendar.createEntries({ draft: { text: 'b' }, accounts: ['x:1'], place: 'queue' }, { by: 'ana' });
    expect(b!.hold?.reason).toBe('crisis');
    clock.set('2026-03-24T00:00:00.000Z');
    expect(await store.claimDue({ owner: 'w', now: clock.now(), leaseMs: 1000 })).toEqual([]);
    const { resumed, overdue } = await calendar.resume({ brand: 'acme' }, { by: 'ana' });
    expect(resumed).toHaveLength(3);
    expect(overdue.map((e) => e.id)).toEqual([pinned!.id]);
    // a (was Mon 09:00) and b (was Mon 17:30) keep their order from the next free slot: Wed.
    expect((await store.get(a!.id))!.scheduledAt).toBe('2026-03-25T07:00:00.000Z');
    expect((await store.get(b!.id))!.scheduledAt).toBe('2026-03-25T15:30:00.000Z');
    expect((await store.get(a!.id))!.hold).toBeNull();
    expect((await store.claimDue({ owner: 'w', now: clock.now(), leaseMs: 1000 })).map((e) => e.id)).toEqual([pinned!.id]);
  });

  it('re-queues a published evergreen entry after N days, at most K times', async () => {
    const { calendar, clock } = setup();
    const store = calendar.store;
    const [entry] = await calendar.createEntries(
      { draft: { text: 'evergreen' }, accounts: ['x:1'], place: 'queue', evergreen: { afterDays: 30, maxTimes: 1 } },
      { by: 'ana' },
    );
    await store.transition(entry!.id, { to: 'publishing', at: '2026-03-23T07:00:00.000Z', by: 'w' });
    await store.transition(entry!.id, { to: 'published', at: '2026-03-23T07:00:01.000Z', by: 'w' });
    clock.set('2026-04-21T00:00:00.000Z');
    expect(await calendar.recycleEvergreen({ by: 'bot' })).toEqual([]);
    clock.set('2026-04-22T08:00:00.000Z');
    const [copy] = await calendar.recycleEvergreen({ by: 'bot' });
    expect(copy).toMatchObject({ id: `${entry!.id}~r1`, status: 'scheduled', recycledFrom: { entryId: entry!.id, generation: 1 } });
    expect(copy!.scheduledAt).toBe('2026-04-22T14:30:00.000Z'); // Wed 17:30 EEST
    expect(await calendar.recycleEvergreen({ by: 'bot' })).toEqual([]);
    await store.transition(copy!.id, { to: 'publishing', at: '2026-04-22T14:30:00.000Z', by: 'w' });
    await store.transition(copy!.id, { to: 'published', at: '2026-04-22T14:30:01.000Z', by: 'w' });
    clock.set('2026-06-01T00:00:00.000Z');
    expect(await calendar.recycleEvergreen({ by: 'bot' })).toEqual([]);
  });

  it('validates options eagerly', () => {
    expect(() => createCalendar({ store: {} as never })).toThrow(/ScheduleStore/);
    expect(() => createCalendar({ store: createMemoryStore(), accounts: [{ account: { ...BUC, timeZone: 'Nowhere/City' } }] })).toThrow(
      /IANA/,
    );
  });
});

describe('scheduling rules', () => {
  it('a pinned time must keep the min gap; force overrides; cancel keeps history', async () => {
    const { calendar } = setup();
    const [first] = await calendar.createEntries(
      { draft: { text: 'first' }, accounts: ['bluesky:did:plc:ny'], place: { at: '2026-03-24T13:00:00.000Z' } },
      { by: 'ana' },
    );
    const [second] = await calendar.createEntries({ draft: { text: 'second' }, accounts: ['bluesky:did:plc:ny'] }, { by: 'ana' });
    await expect(calendar.schedule(second!.id, { by: 'ana', at: '2026-03-24T14:00:00.000Z' })).rejects.toThrow(/minimum gap of 90 minutes/);
    const forced = await calendar.schedule(second!.id, { by: 'ana', at: '2026-03-24T14:00:00.000Z', force: true, reason: 'breaking news' });
    expect(forced).toMatchObject({ status: 'scheduled', placement: 'pinned', scheduledAt: '2026-03-24T14:00:00.000Z' });
    expect(forced.history.at(-1)).toMatchObject({ from: 'draft', to: 'scheduled', reason: 'breaking news' });
    const canceled = await calendar.cancel(first!.id, { by: 'ana', reason: 'dup' });
    expect(canceled.history.map((h) => h.to)).toEqual(['draft', 'scheduled', 'canceled']);
    await expect(calendar.edit(first!.id, { text: 'x' }, { by: 'ana' })).rejects.toThrow(
      /only draft, in_review, approved, scheduled, failed entries can be edited/,
    );
    await expect(
      calendar.createEntries({ draft: { text: '' }, accounts: ['nope:1'], place: { at: '2020-01-01T00:00:00.000Z' } }, { by: 'ana' }),
    ).rejects.toSatisfy(
      (error: unknown) =>
        ValidationError.isInstance(error) &&
        error.issues
          .map((i) => i.code)
          .sort()
          .join() === 'custom,in_past,unknown_account',
    );
  });

  it('submit with no policy approves at once; nextFreeSlots does not take slots', async () => {
    const { calendar } = setup();
    const [entry] = await calendar.createEntries({ draft: { text: 'quick' }, accounts: ['x:1'] }, { by: 'ana' });
    expect((await calendar.submit(entry!.id, { by: 'ana' })).status).toBe('approved');
    const before = await calendar.nextFreeSlots('x:1', '2026-03-23T06:00:00.000Z', 1);
    expect(await calendar.nextFreeSlots('x:1', '2026-03-23T06:00:00.000Z', 1)).toEqual(before);
    const [queued] = await calendar.addToQueue(entry!.id, { by: 'ana' });
    expect(queued!.scheduledAt).toBe(before[0]);
    expect(queued!.history.map((h) => h.to)).toEqual(['draft', 'approved', 'scheduled']);
  });
});
