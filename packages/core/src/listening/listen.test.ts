import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimitError, ValidationError } from '../errors/index.js';
import type { Account, Mention } from '../model/index.js';
import { createMemoryCheckpointStore } from './checkpoint-store.js';
import { listen, type ListenOptions } from './listen.js';
import { createFakeSource, type TimelineItem } from './__tests__/fake-source.js';
import { mention } from './__tests__/mentions.js';
import { createFakeClock } from '../clock/index.js';

const START = Date.parse('2026-03-01T12:00:00.000Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const alice: Account = { platform: 'bluesky', id: 'alice', handle: 'alice.bsky.social', timeZone: 'UTC' };
const bob: Account = { platform: 'mastodon', id: 'bob', handle: 'bob@mastodon.social', timeZone: 'UTC' };

function item(account: Account, id: string, atMs: number, extra: Partial<Mention> = {}): TimelineItem {
  return {
    mention: mention({ id, platform: account.platform, accountId: account.id, createdAt: iso(atMs), text: `message ${id}`, ...extra }),
  };
}

/** Runs a stream until virtual time `untilMs`, or until `take` items (then leaves the loop). */
async function collect(options: ListenOptions, untilMs: number, take = Infinity) {
  const stream = listen(options);
  const received: Array<{ id: string; account: string; at: number }> = [];
  void options.clock!.sleep(untilMs - options.clock!.now()).then(() => stream.stop());
  for await (const got of stream) {
    received.push({ id: got.id, account: `${got.platform}:${got.accountId}`, at: options.clock!.now() });
    if (received.length >= take) break;
  }
  return { received, stream };
}

describe('listen', () => {
  it('merges every account, in time order per account, each item once across polls and pages', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const source = createFakeSource(clock, {
      'bluesky:alice': [
        item(alice, 'a1', START + 10_000),
        item(alice, 'a2', START + 20_000),
        item(alice, 'a3', START + 70_000),
        item(alice, 'a4', START + 75_000),
        item(alice, 'a5', START + 80_000),
        item(alice, 'a6', START + 200_000),
      ],
      'mastodon:bob': [item(bob, 'b1', START + 5_000), item(bob, 'b2', START + 130_000)],
    });
    const { received } = await collect(
      { source, accounts: [alice, bob], since: iso(START), pollEvery: MINUTE, clock },
      START + 10 * MINUTE,
    );
    expect(received.filter((r) => r.account === 'bluesky:alice').map((r) => r.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(received.filter((r) => r.account === 'mastodon:bob').map((r) => r.id)).toEqual(['b1', 'b2']);
    // Items are picked up by the first poll after they appear (polls every minute).
    expect(received.find((r) => r.id === 'a6')!.at).toBe(START + 4 * MINUTE);
  });

  it('delivers an item seen through two endpoints (two ids) once', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const shared = { author: { id: 'carol', handle: 'carol' }, text: 'Where is my refund?' };
    const source = createFakeSource(clock, {
      'bluesky:alice': [
        item(alice, 'notification-17', START + 1_000, shared),
        // The same reply through the search endpoint: another id, createdAt with milliseconds.
        {
          mention: mention({
            id: 'post-99',
            platform: 'bluesky',
            accountId: 'alice',
            createdAt: iso(START + 1_250),
            ...shared,
            text: 'Where is my  REFUND?',
          }),
        },
        item(alice, 'other', START + 1_000, { author: { id: 'dave', handle: 'dave' }, text: 'Where is my refund?' }),
      ],
    });
    const { received } = await collect({ source, accounts: [alice], since: iso(START), pollEvery: MINUTE, clock }, START + 5 * MINUTE);
    const ids = received.map((r) => r.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain('other');
    expect(ids.filter((id) => id === 'notification-17' || id === 'post-99')).toHaveLength(1);
  });

  it('resumes after a restart mid-stream with nothing lost and nothing repeated', async () => {
    const timelines = {
      'bluesky:alice': Array.from({ length: 9 }, (_, index) => item(alice, `a${index}`, START + index * 40_000)),
      'mastodon:bob': Array.from({ length: 5 }, (_, index) => item(bob, `b${index}`, START + index * 70_000)),
    };
    const expected = Object.values(timelines)
      .flat()
      .map((entry) => entry.mention.id)
      .sort();
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const source = createFakeSource(clock, timelines);
    const store = createMemoryCheckpointStore();
    const first = await collect(
      { source, accounts: [alice, bob], since: iso(START), pollEvery: MINUTE, clock, checkpoints: store },
      START + 20 * MINUTE,
      6,
    );
    expect(first.received).toHaveLength(6);
    // The process dies; the checkpoints survive as JSON.
    const saved = JSON.parse(JSON.stringify(store.toJSON()));
    const second = await collect(
      { source, accounts: [alice, bob], since: iso(START), pollEvery: MINUTE, clock, checkpoints: createMemoryCheckpointStore(saved) },
      clock.now() + 20 * MINUTE,
    );
    const all = [...first.received, ...second.received].map((r) => r.id);
    expect(all.slice().sort()).toEqual(expected);
    expect(new Set(all).size).toBe(all.length);
  });

  it('restart at any point, with late-indexed items, loses and repeats nothing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            offset: fc.integer({ min: 0, max: 15 * MINUTE }),
            lag: fc.integer({ min: 0, max: 4 * MINUTE }),
            onBob: fc.boolean(),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 5 }),
        async (specs, stopAfter, pageSize) => {
          const timelines: Record<string, TimelineItem[]> = { 'bluesky:alice': [], 'mastodon:bob': [] };
          specs.forEach((spec, index) => {
            const account = spec.onBob ? bob : alice;
            const entry = item(account, `m${index}`, START + spec.offset);
            timelines[`${account.platform}:${account.id}`]!.push({ ...entry, visibleAt: START + spec.offset + spec.lag });
          });
          const clock = createFakeClock({ now: START, autoAdvance: true });
          const source = createFakeSource(clock, timelines, { pageSize });
          const store = createMemoryCheckpointStore();
          const options = { source, accounts: [alice, bob], since: iso(START), pollEvery: MINUTE, clock, checkpoints: store };
          const first = await collect(options, START + 30 * MINUTE, stopAfter);
          const second = await collect({ ...options, checkpoints: createMemoryCheckpointStore(store.toJSON()) }, clock.now() + 30 * MINUTE);
          const all = [...first.received, ...second.received].map((r) => r.id);
          expect(all.slice().sort()).toEqual(specs.map((_, index) => `m${index}`).sort());
          expect(new Set(all).size).toBe(all.length);
        },
      ),
      { numRuns: 25 },
    );
  }, 30_000);

  it('an item seen again through a second endpoint after the window moved on is still delivered once', async () => {
    // The notification says 12:00:00.000, the search endpoint .900 and shows up 6 minutes
    // later, when the watermark has passed 12:05:00.5 (the window edge is to the second).
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const shared = { author: { id: 'carol', handle: 'carol' }, text: 'Where is my refund?' };
    const source = createFakeSource(clock, {
      'bluesky:alice': [
        item(alice, 'notification-1', START, shared),
        item(alice, 'later', START + 5 * MINUTE + 500),
        { ...item(alice, 'search-1', START + 900, shared), visibleAt: START + 6 * MINUTE },
      ],
    });
    const { received } = await collect({ source, accounts: [alice], since: iso(START), pollEvery: MINUTE, clock }, START + 10 * MINUTE);
    expect(received.map((r) => r.id)).toEqual(['notification-1', 'later']);
  });

  it('an item one endpoint truncates to the second and another rounds up is delivered once', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const shared = { author: { id: 'carol', handle: 'carol' }, text: 'Where is my refund?' };
    const source = createFakeSource(clock, {
      'bluesky:alice': [
        item(alice, 'notification-1', START + 900, shared),
        // Rounded up to the next second, and seen only after the window moved past the first.
        item(alice, 'later', START + 5 * MINUTE + 1_500),
        { ...item(alice, 'search-1', START + 1_000, shared), visibleAt: START + 6 * MINUTE },
        // A different text by the same author a second later is another item.
        item(alice, 'other', START + 1_000, { ...shared, text: 'Still no refund' }),
      ],
    });
    const { received } = await collect({ source, accounts: [alice], since: iso(START), pollEvery: MINUTE, clock }, START + 10 * MINUTE);
    expect(received.map((r) => r.id)).toEqual(['notification-1', 'other', 'later']);
  });

  it('a restart without since, before anything was delivered, still gets what arrived while down', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const timeline: TimelineItem[] = [];
    const source = createFakeSource(clock, { 'bluesky:alice': timeline });
    const store = createMemoryCheckpointStore();
    const first = await collect({ source, accounts: [alice], pollEvery: MINUTE, clock, checkpoints: store }, START + 3 * MINUTE);
    expect(first.received).toEqual([]);
    // Down for ten minutes; mentions keep coming.
    await clock.sleep(10 * MINUTE);
    timeline.push(item(alice, 'while-down-1', START + 5 * MINUTE), item(alice, 'while-down-2', START + 12 * MINUTE));
    const second = await collect(
      { source, accounts: [alice], pollEvery: MINUTE, clock, checkpoints: createMemoryCheckpointStore(store.toJSON()) },
      clock.now() + 3 * MINUTE,
    );
    expect(second.received.map((r) => r.id)).toEqual(['while-down-1', 'while-down-2']);
    expect(store.toJSON()['bluesky:alice']!.since).toBe(iso(START));
  });

  it('delivers 10 000 mentions made within the look-back window in time linear in their number', async () => {
    // Delivers `count` mentions made within 5 minutes (one look-back window); returns the time it took.
    const deliver = async (count: number) => {
      const clock = createFakeClock({ now: START, autoAdvance: true });
      const timeline = Array.from({ length: count }, (_, index) =>
        item(alice, `burst-${index}`, START + Math.floor((index * 5 * MINUTE) / count)),
      );
      const source = createFakeSource(clock, { 'bluesky:alice': timeline }, { pageSize: 1_000 });
      const store = createMemoryCheckpointStore();
      const started = performance.now();
      const { received } = await collect(
        { source, accounts: [alice], since: iso(START), pollEvery: MINUTE, clock, checkpoints: store },
        START + 10 * MINUTE,
      );
      const elapsed = performance.now() - started;
      expect(received).toHaveLength(count);
      expect(new Set(received.map((r) => r.id)).size).toBe(count);
      // Every key of the window is in the stored checkpoint.
      expect(store.toJSON()['bluesky:alice']!.recent).toHaveLength(count);
      return elapsed;
    };
    await deliver(2_500); // warm-up: the JIT, the first pages
    const quarter = await deliver(2_500);
    const full = await deliver(10_000);
    // Four times the mentions: linear checkpointing takes about 4× as long, quadratic (what this
    // replaced: ~52 s for 10 000) 16×. A ratio, not a time, so a busy machine does not fail it.
    expect(full / quarter).toBeLessThan(9);
  }, 60_000);

  it('a rate-limited account delays only its own stream', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const source = createFakeSource(
      clock,
      {
        'bluesky:alice': [item(alice, 'a1', START - 30_000), item(alice, 'a2', START - 20_000)],
        'mastodon:bob': [item(bob, 'b1', START - 10_000), item(bob, 'b2', START + 90_000)],
      },
      {
        intercept: (call, index) => {
          if (call.account === 'bluesky:alice' && index === 0) {
            throw new RateLimitError('429 from the network', { retryAfterMs: 10 * MINUTE, platform: 'bluesky' });
          }
        },
      },
    );
    const stream = listen({ source, accounts: [alice, bob], since: iso(START - MINUTE), pollEvery: MINUTE, clock });
    const limited: Array<{ account: string; waitMs: number }> = [];
    stream.on('rate-limited', ({ account, waitMs }) => limited.push({ account, waitMs }));
    void clock.sleep(15 * MINUTE).then(() => stream.stop());
    const received: Array<{ id: string; at: number }> = [];
    for await (const got of stream) received.push({ id: got.id, at: clock.now() });

    expect(limited).toEqual([{ account: 'bluesky:alice', waitMs: 10 * MINUTE }]);
    const at = Object.fromEntries(received.map((r) => [r.id, r.at - START]));
    // Bob's stream runs on its own schedule: b1 at once, b2 on the poll after it appears.
    expect(at.b1).toBe(0);
    expect(at.b2).toBe(2 * MINUTE);
    // Alice's waits out her own limit, then delivers everything it missed.
    expect(at.a1).toBe(10 * MINUTE);
    expect(at.a2).toBe(10 * MINUTE);
    const aliceCalls = source.calls.filter((call) => call.account === 'bluesky:alice').map((call) => call.at - START);
    expect(aliceCalls.slice(0, 2)).toEqual([0, 10 * MINUTE]);
  });

  it('waits until resetAt and continues from the page that was limited', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const source = createFakeSource(
      clock,
      { 'bluesky:alice': Array.from({ length: 5 }, (_, index) => item(alice, `a${index}`, START - 50_000 + index * 1000)) },
      {
        pageSize: 2,
        intercept: (call, index) => {
          if (index === 1) throw new RateLimitError('limited', { resetAt: iso(START + 3 * MINUTE) });
        },
      },
    );
    const { received } = await collect(
      { source, accounts: [alice], since: iso(START - MINUTE), pollEvery: MINUTE, clock },
      START + 5 * MINUTE,
    );
    expect(received.map((r) => r.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(source.calls.slice(0, 4).map((call) => [call.at - START, call.cursor])).toEqual([
      [0, null],
      [0, '2'],
      [3 * MINUTE, '2'],
      [3 * MINUTE, '4'],
    ]);
  });

  it('reports other errors as events and retries with backoff, without ending the stream', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const source = createFakeSource(
      clock,
      { 'bluesky:alice': [item(alice, 'a1', START - 1000)] },
      {
        intercept: (_call, index) => {
          if (index < 2) throw new Error('502 Bad Gateway');
        },
      },
    );
    const stream = listen({ source, accounts: [alice], since: iso(START - MINUTE), pollEvery: MINUTE, clock });
    const errors: number[] = [];
    stream.on('error', ({ retryInMs }) => errors.push(retryInMs));
    void clock.sleep(10 * MINUTE).then(() => stream.stop());
    const received: Array<[string, number]> = [];
    for await (const got of stream) received.push([got.id, clock.now() - START]);
    expect(errors).toEqual([MINUTE, 2 * MINUTE]);
    expect(received).toEqual([['a1', 3 * MINUTE]]);
  });

  it('skips and reports items that are not valid mentions', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const broken = { mention: { ...mention({ id: 'bad', platform: 'bluesky', accountId: 'alice' }), createdAt: 'last tuesday' } };
    const source = createFakeSource(clock, { 'bluesky:alice': [item(alice, 'good', START - 1000)] });
    const real = source.listMentions.bind(source);
    source.listMentions = async (account, options) => {
      const page = await real(account, options);
      return { ...page, items: [...page.items, broken.mention] };
    };
    const stream = listen({ source, accounts: [alice], since: iso(START - MINUTE), clock });
    const invalid: string[] = [];
    stream.on('invalid-item', ({ error }) => invalid.push(error.issues.map((issue) => issue.path.join('.')).join()));
    void clock.sleep(MINUTE / 2).then(() => stream.stop());
    const received: string[] = [];
    for await (const got of stream) received.push(got.id);
    expect(received).toEqual(['good']);
    expect(invalid).toEqual(['createdAt']);
  });

  it('stops paging at the first page older than since when the source ignores since', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const history = Array.from({ length: 30 }, (_, index) => item(alice, `old${index}`, START - (index + 1) * 3_600_000));
    const fake = createFakeSource(
      clock,
      { 'bluesky:alice': [...history, item(alice, 'new1', START + 10_000), item(alice, 'new2', START + 20_000)] },
      { pageSize: 2 },
    );
    // Like the core client: no `since` support.
    const source = {
      calls: fake.calls,
      listMentions: (account: Account, { cursor }: { cursor?: string | null }) => fake.listMentions(account, { cursor }),
    };
    const { received } = await collect({ source, accounts: [alice], since: iso(START), pollEvery: MINUTE, clock }, START + 90_000);
    expect(received.map((r) => r.id)).toEqual(['new1', 'new2']);
    // Poll 1 (nothing new yet) stops after one page of history; poll 2 reads the new page and
    // one page of history — never all 16 pages.
    expect(fake.calls.map((call) => call.cursor)).toEqual([null, null, '2']);
  });

  it('stops when its signal aborts', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const controller = new AbortController();
    const stream = listen({ source: createFakeSource(clock, {}), accounts: [alice], clock, signal: controller.signal });
    void clock.sleep(5 * MINUTE).then(() => controller.abort());
    const received: Mention[] = [];
    for await (const got of stream) received.push(got);
    expect(received).toEqual([]);
    expect(clock.now() - START).toBe(5 * MINUTE);
  });

  it('refuses bad options and a corrupt checkpoint', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    const source = createFakeSource(clock, {});
    expect(() => listen({ source, accounts: [] })).toThrow(/accounts: must list at least one account/);
    expect(() => listen({ source, accounts: [alice, alice] })).toThrow(/bluesky:alice is listed twice/);
    expect(() => listen({ source, accounts: [alice], pollEvery: -1 })).toThrow(ValidationError);
    const stream = listen({
      source,
      accounts: [alice],
      clock,
      checkpoints: createMemoryCheckpointStore({ 'bluesky:alice': { version: 1, watermark: 'yesterday', recent: [] } }),
    });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toThrow(/listen checkpoint for bluesky:alice/);
  });
});
