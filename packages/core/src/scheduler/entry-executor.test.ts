import { createFakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { ApiCallError, AuthError, RateLimitError, ValidationError } from '../errors/index.js';
import { parsePostDraft } from '../model/index.js';
import { createMemoryStore } from '../schedule-store/index.js';
import { createScheduler } from './create-scheduler.js';
import type { SchedulerEvents } from './scheduler-events.js';
import { createTestNetwork, dueEntry } from './scheduler-test-network.js';

const T0 = '2026-03-02T09:00:00.000Z';
const t = (offsetMs: number) => Date.parse(T0) + offsetMs;
const at = (offsetMs: number) => new Date(t(offsetMs)).toISOString();

function setup(retry = { baseDelayMs: 1_000, maxDelayMs: 8_000, deadlineMs: 60_000 }) {
  const clock = createFakeClock({ now: T0 });
  const store = createMemoryStore();
  const network = createTestNetwork({ clock, strategy: 'lookup' });
  const scheduler = createScheduler({ store, client: network.client, clock, owner: 'w', retry });
  const retries: Array<SchedulerEvents['entry-retry']> = [];
  const failures: Array<SchedulerEvents['entry-failed']> = [];
  scheduler.on('entry-retry', (event) => retries.push(event));
  scheduler.on('entry-failed', (event) => failures.push(event));
  return { clock, store, network, scheduler, retries, failures };
}

const unavailable = () => new ApiCallError('Service unavailable', { status: 503 });

describe('transient failures', () => {
  it('retries 5xx with doubling backoff, keeping the calendar time, until it succeeds', async () => {
    const { clock, store, network, scheduler, retries } = setup();
    await store.insert(dueEntry('r', at(0)));
    network.faults.push({ kind: 'throw', error: unavailable() }, { kind: 'throw', error: unavailable() });

    expect((await scheduler.runDue()).retried).toBe(1);
    expect(await store.get('r')).toMatchObject({
      status: 'scheduled',
      scheduledAt: at(0),
      attempts: 1,
      nextAttemptAt: at(1_000),
      error: { code: 'api_call_error' },
    });
    expect((await scheduler.runDue(t(999))).claimed).toBe(0);

    clock.set(t(1_000));
    expect((await scheduler.runDue()).retried).toBe(1);
    expect(await store.get('r')).toMatchObject({ attempts: 2, nextAttemptAt: at(3_000) });

    clock.set(t(3_000));
    expect((await scheduler.runDue()).published).toBe(1);
    const entry = await store.get('r');
    expect(entry?.status).toBe('published');
    expect(entry?.error).toBeUndefined();
    expect(entry?.nextAttemptAt).toBeUndefined();
    expect(network.publishCalls.map((call) => call.at - t(0))).toEqual([0, 1_000, 3_000]);
    expect(new Set(network.publishCalls.map((call) => call.key))).toEqual(new Set(['smm-entry-r']));
    expect(retries.map((event) => [event.attempt, event.nextAttemptAt])).toEqual([
      [1, at(1_000)],
      [2, at(3_000)],
    ]);
    expect(network.posts).toHaveLength(1);
  });

  it('waits at least until a rate limit resets (429 with Retry-After)', async () => {
    const { store, network, scheduler } = setup();
    await store.insert(dueEntry('rl', at(0)));
    network.faults.push({ kind: 'throw', error: new RateLimitError('Too many requests', { retryAfterMs: 15_000 }) });
    await scheduler.runDue();
    expect(await store.get('rl')).toMatchObject({
      status: 'scheduled',
      attempts: 1,
      nextAttemptAt: at(15_000),
      error: { code: 'rate_limited' },
    });
  });

  it('gives up at the deadline: failed with deadline_exceeded and the last error', async () => {
    const { clock, store, network, scheduler, failures } = setup({ baseDelayMs: 10_000, maxDelayMs: 20_000, deadlineMs: 45_000 });
    await store.insert(dueEntry('d', at(0)));
    for (let i = 0; i < 5; i += 1) network.faults.push({ kind: 'throw', error: unavailable() });
    // Attempts at 0 (next +10s), 10s (next +20s → 30s), 30s (next +20s → 50s > 45s deadline).
    for (const time of [0, 10_000, 30_000]) {
      clock.set(t(time));
      await scheduler.runDue();
    }
    const entry = await store.get('d');
    expect(entry?.status).toBe('failed');
    expect(entry?.error?.code).toBe('deadline_exceeded');
    expect(entry?.error?.message).toMatch(/after 3 attempt\(s\).*api_call_error: Service unavailable/);
    expect(entry?.attempts).toBe(3);
    expect(entry?.lease).toBeNull();
    expect(network.publishCalls).toHaveLength(3);
    expect(failures.map((event) => event.error.code)).toEqual(['deadline_exceeded']);
  });

  it('after 5 failed attempts the entry says attempts: 5', async () => {
    // Attempts at 0, 1, 2, 3, 4 s (1 s apart); the 5th failure's retry (5 s) falls after the 4.5 s deadline.
    const { clock, store, network, scheduler } = setup({ baseDelayMs: 1_000, maxDelayMs: 1_000, deadlineMs: 4_500 });
    await store.insert(dueEntry('five', at(0)));
    for (let i = 0; i < 5; i += 1) network.faults.push({ kind: 'throw', error: unavailable() });
    const seen: Array<number | undefined> = [];
    for (let time = 0; time <= 4_000; time += 1_000) {
      clock.set(t(time));
      await scheduler.runDue();
      seen.push((await store.get('five'))?.attempts);
    }
    expect(network.publishCalls).toHaveLength(5);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(await store.get('five')).toMatchObject({ status: 'failed', attempts: 5, error: { code: 'deadline_exceeded' } });
    expect((await store.get('five'))?.error?.message).toMatch(/after 5 attempt\(s\)/);
  });

  it('an entry first claimed after its deadline fails without calling the network', async () => {
    const { store, network, scheduler } = setup();
    await store.insert(dueEntry('stale', at(-61_000)));
    expect((await scheduler.runDue()).failed).toBe(1);
    const entry = await store.get('stale');
    expect(entry?.status).toBe('failed');
    expect(entry?.error?.code).toBe('deadline_exceeded');
    expect(entry?.history.at(-1)).toMatchObject({ from: 'scheduled', to: 'failed', by: 'w' });
    expect(network.publishCalls).toHaveLength(0);
  });
});

describe('permanent failures', () => {
  it.each([
    ['a 4xx answer', new ApiCallError('Status is too long', { status: 422 }), 'api_call_error', 'Status is too long'],
    [
      'revoked credentials',
      new AuthError('The access token was revoked', { refreshable: false }),
      'auth_error',
      'The access token was revoked',
    ],
    [
      'a draft the model rejects',
      new ValidationError('draft', [{ path: ['text'], code: 'too_big', message: 'too long' }]),
      'validation_error',
      undefined,
    ],
  ])('%s → failed with its code and message, never retried', async (_name, error, code, message) => {
    const { store, network, scheduler, failures } = setup();
    await store.insert(dueEntry('p', at(0)));
    network.faults.push({ kind: 'throw', error });
    expect((await scheduler.runDue()).failed).toBe(1);
    const entry = await store.get('p');
    expect(entry?.status).toBe('failed');
    expect(entry?.error?.code).toBe(code);
    if (message !== undefined) expect(entry?.error?.message).toBe(message);
    expect(entry?.lease).toBeNull();
    expect(failures).toHaveLength(1);
    expect((await scheduler.runDue(t(3_600_000))).claimed).toBe(0);
    expect(network.publishCalls).toHaveLength(1);
  });
});

describe('per-network variants', () => {
  it('publishes the variant of the entry’s network, keeping the whole draft on the entry', async () => {
    const { store, network, scheduler } = setup();
    const draft = parsePostDraft({ text: 'the shared text', variants: { memo: { text: 'memo’s own text' }, x: { text: 'for X' } } });
    await store.insert(dueEntry('v', at(0), { draft }));
    expect((await scheduler.runDue()).published).toBe(1);
    expect(network.posts.map((post) => post.text)).toEqual(['memo’s own text']);
    const entry = await store.get('v');
    expect(entry?.status).toBe('published');
    expect(entry?.draft.variants).toEqual({ memo: { text: 'memo’s own text' }, x: { text: 'for X' } });
  });
});
