import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { ValidationError } from '@smm/core';
import {
  reserveInRecord,
  settleRecord,
  type RateLimitObservation,
  type RateLimitRecord,
  type RateLimitReserveRequest,
  type RateLimitSettleReport,
} from '@smm/core/http';
import { createRedisRateLimitStore, type RedisRateLimitStore } from './index.js';
import { dropPrefix } from '../test/redis-test-helpers.js';
import { startXWindowServer } from '../test/x-window-server.js';

const url = inject('redisUrl');
const root = fileURLToPath(new URL('../../../', import.meta.url));
const workerScript = fileURLToPath(new URL('../test/rate-limit-worker.ts', import.meta.url));

const view = (record: RateLimitRecord | undefined) =>
  record && {
    limit: record.limit,
    remaining: record.remaining,
    resetAt: record.resetAt,
    windowMs: record.windowMs,
    inFlight: record.inFlight,
  };

describe('createRedisRateLimitStore options', () => {
  it('refuses bad options with a ValidationError naming the field', () => {
    for (const [options, field] of [
      [{}, 'connection'],
      [{ url: 'http://localhost' }, 'url'],
      [{ url: 'redis://127.0.0.1:1', prefix: 'a{b}' }, 'prefix'],
      [{ url: 'redis://127.0.0.1:1', reservationTtlMs: 5 }, 'reservationTtlMs'],
    ] as const) {
      const error = (() => {
        try {
          createRedisRateLimitStore(options);
        } catch (caught) {
          return caught;
        }
      })();
      expect(ValidationError.isInstance(error), field).toBe(true);
      expect((error as ValidationError).issues.map((issue) => issue.path.join('.'))).toContain(field);
    }
  });
});

describe.skipIf(url === '')(`createRedisRateLimitStore${url === '' ? ` (skipped: ${inject('redisSkipReason')})` : ''}`, () => {
  let store: RedisRateLimitStore;
  let n = 0;
  beforeAll(() => {
    store = createRedisRateLimitStore({ url, prefix: `rl-${process.pid}` });
  });
  afterAll(async () => {
    await dropPrefix(store.redis, `{rl-${process.pid}}:`);
    await store.close();
  });

  it('a reservation its process never settles stops counting once reservationTtlMs has passed (a crashed process)', async () => {
    const crashSafe = createRedisRateLimitStore({ url, prefix: `rl-ttl-${process.pid}`, reservationTtlMs: 1_000 });
    try {
      const at = Date.parse('2026-01-05T09:00:00.000Z');
      const reserve = (id: string, now: number) => crashSafe.reserve!('x:ttl:read', { id, cost: 1, now, marginMs: 250 });
      await reserve('lost', at); // never settled: its process died
      const before = await reserve('second', at + 999);
      expect(before.granted && before.record.inFlight).toBe(2);
      // At +1 000 ms (+999 for the second one's own TTL) only the first has expired.
      const after = await reserve('third', at + 1_000);
      expect(after.granted && after.record.inFlight).toBe(2);
      // A reservation counts for reservationTtlMs, up to its expiry: at +2 000 the second (+1 999) and third (+2 000) are gone.
      const later = await reserve('fourth', at + 2_000);
      expect(later.granted && later.record.inFlight).toBe(1);
    } finally {
      await dropPrefix(crashSafe.redis, `{rl-ttl-${process.pid}}:`);
      await crashSafe.close();
    }
  });

  it('its Lua steps agree with reserveInRecord / settleRecord on random sequences', async () => {
    // The reference has no crash expiry: a TTL longer than any sequence (25 ticks of ≤ 50 s) keeps every reservation.
    const store = createRedisRateLimitStore({ url, prefix: `rl-prop-${process.pid}`, reservationTtlMs: 86_400_000 });
    onTestFinished(async () => {
      await dropPrefix(store.redis, `{rl-prop-${process.pid}}:`);
      await store.close();
    });
    const start = Date.parse('2026-01-05T09:00:00.000Z');
    type Op =
      | { kind: 'reserve'; cost: number }
      | { kind: 'settle'; pick: number; sent: boolean; observation: RateLimitObservation | null; limited: number | null }
      | { kind: 'tick'; ms: number };
    const observation = fc.record(
      {
        remaining: fc.integer({ min: 0, max: 10 }),
        limit: fc.constant(10),
        resetAtMs: fc.constantFrom(start + 60_000, start + 120_000, start + 30_000),
      },
      { requiredKeys: [] },
    );
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('reserve' as const), cost: fc.integer({ min: 1, max: 3 }) }),
      fc.record({
        kind: fc.constant('settle' as const),
        pick: fc.nat(),
        sent: fc.boolean(),
        observation: fc.option(observation),
        limited: fc.option(fc.integer({ min: 0, max: 90_000 })),
      }),
      fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 50_000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), fc.boolean(), async (ops, withStatic) => {
        n += 1;
        const key = `x:${n}:read`;
        let local: RateLimitRecord | undefined;
        let now = start;
        const open: Array<{ id: string; cost: number; window: string | null }> = [];
        for (const [index, step] of ops.entries()) {
          const fixed = withStatic ? { limit: 10, windowMs: 60_000, windowEnd: now + 60_000, aligned: false } : undefined;
          if (step.kind === 'tick') {
            now += step.ms;
          } else if (step.kind === 'reserve') {
            const request: RateLimitReserveRequest = { id: `r${index}`, cost: step.cost, now, marginMs: 250, ...(fixed ? { fixed } : {}) };
            const expected = reserveInRecord(key, local, request);
            const got = await store.reserve!(key, request);
            expect({ granted: got.granted, record: view(got.record) }).toEqual({
              granted: expected.granted,
              record: view(expected.record),
            });
            if (!got.granted && !expected.granted) expect(got.waitMs).toBe(expected.waitMs);
            if (expected.granted) {
              expect(got.granted && got.window).toBe(expected.window);
              open.push({ id: request.id, cost: step.cost, window: expected.window });
            }
            if (expected.granted || expected.changed) local = expected.record;
          } else {
            const reservation = open.length ? open.splice(step.pick % open.length, 1)[0] : undefined;
            const report: RateLimitSettleReport = {
              sent: step.sent,
              observations: step.observation ? [step.observation] : [],
              now,
              marginMs: 250,
              ...(reservation ? { reservation } : {}),
              ...(step.limited !== null ? { rateLimited: { retryAfterMs: step.limited } } : {}),
              ...(fixed ? { fixed } : {}),
            };
            const expected = settleRecord(key, local, report);
            const got = await store.settle!(key, report);
            expect(view(got.record)).toEqual(view(expected.record));
            local = expected.record;
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('three processes sharing one X-style window plan as one: 0 × 429, ≥ 95 % of the quota used', async () => {
    const QUOTA = 30;
    const WINDOW_MS = 2_000;
    const PROCESSES = 3;
    const REQUESTS = 40; // 120 in all: four full windows
    const prefix = `rl-procs-${process.pid}`;
    const children: ChildProcess[] = [];
    try {
      const outputs: string[] = Array.from({ length: PROCESSES }, () => '');
      const ready = Array.from(
        { length: PROCESSES },
        (_, index) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
              cwd: root,
              env: { ...process.env, REDIS_URL: url, STORE_PREFIX: prefix, REQUESTS: String(REQUESTS), CONCURRENCY: '5' },
              stdio: ['pipe', 'pipe', 'inherit'],
            });
            children.push(child);
            child.stdout!.on('data', (chunk: Buffer) => {
              outputs[index] += chunk.toString();
              if (outputs[index]!.includes('ready\n')) resolve();
            });
            child.once('error', reject);
          }),
      );
      await Promise.all(ready);
      const server = await startXWindowServer(QUOTA, WINDOW_MS);
      try {
        const exited = children.map((child) => new Promise<number | null>((resolve) => child.once('exit', resolve)));
        for (const child of children) child.stdin!.end(`${server.url} ${server.origin}\n`);
        const codes = await Promise.all(exited);
        expect(codes).toEqual([0, 0, 0]);
        const results = outputs.map(
          (output) => JSON.parse(output.split('\n').find((line) => line.startsWith('{'))!) as { ok: number; failed: number },
        );
        expect(results.reduce((sum, result) => sum + result.ok, 0)).toBe(PROCESSES * REQUESTS);
        const windows = [...server.windows.entries()].sort(([a], [b]) => a - b).map(([, stats]) => stats);
        expect(windows.reduce((sum, stats) => sum + stats.rejected, 0)).toBe(0);
        // Every window but the last (where the work ran out) used ≥ 95 % of the quota.
        const full = windows.slice(0, -1);
        expect(full.length).toBeGreaterThanOrEqual(3);
        for (const stats of full) expect(stats.ok).toBeGreaterThanOrEqual(Math.ceil(QUOTA * 0.95));
      } finally {
        await server.close();
      }
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await dropPrefix(store.redis, `{${prefix}}:`);
    }
  }, 60_000);
});
