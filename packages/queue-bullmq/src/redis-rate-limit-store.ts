import { Redis } from 'ioredis';
import { z } from 'zod';
import { parseWithSchema } from '@smm/core';
import type {
  RateLimitRecord,
  RateLimitReserveRequest,
  RateLimitReserveResult,
  RateLimitSettleReport,
  RateLimitSettleResult,
  RateLimitStore,
} from '@smm/core/http';
import { runScript } from './lua-scripts.js';
import { RATE_LIMIT_STEP } from './rate-limit-lua.js';
import { HashTagPrefixSchema, ONE_CONNECTION, RedisClientSchema, RedisUrlSchema } from './redis-connection-schema.js';

/** Options of {@link createRedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  /** An ioredis client (the queue's connection, say); the store does not close it. */
  connection?: Redis;
  /** `redis://…` or `rediss://…`; the store opens and closes its own connection. */
  url?: string;
  /**
   * Namespaces the keys: `{prefix}:rl:s:<platform>:<account>:<bucket>` (the bucket) and
   * `{prefix}:rl:r:…` (its reservations). Default `smm`.
   */
  prefix?: string;
  /**
   * How long a reservation counts when its process never settles it (it crashed), in ms.
   * Longer than any request's timeout. Default 120 000.
   */
  reservationTtlMs?: number;
}

/** A {@link RateLimitStore} on Redis shared by many processes, with the connection it may own. */
export interface RedisRateLimitStore extends RateLimitStore {
  /** The key prefix as used in Redis, `{prefix}:rl:`. */
  readonly keyPrefix: string;
  readonly redis: Redis;
  /** Closes the connection if the store opened it (from `url`). */
  close(): Promise<void>;
}

const OptionsSchema = z
  .strictObject({
    connection: RedisClientSchema.optional(),
    url: RedisUrlSchema.optional(),
    prefix: HashTagPrefixSchema,
    reservationTtlMs: z
      .number()
      .int({ error: 'must be a whole number of milliseconds' })
      .min(1_000, { error: 'must be ≥ 1000 ms (longer than any request takes)' })
      .default(120_000),
  })
  .refine(...ONE_CONNECTION);

/**
 * A rate-limit store on Redis, so many processes (BullMQ workers on many machines) plan one
 * account's quota as one: each reservation and each settle is one Lua script, atomic across
 * every process; reservations expire after `reservationTtlMs` if their process dies. Pass it
 * as `rateLimitStore` to `createHttpClient` (or `createClient({ httpOptions })`).
 *
 * @throws ValidationError naming the field when an option is wrong.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createRedisRateLimitStore } from '@smm/queue-bullmq';
 *
 * const rateLimitStore = createRedisRateLimitStore({ url: process.env.REDIS_URL!, prefix: 'acme' });
 * const client = createClient({ adapters, accounts, credentials, httpOptions: { rateLimitStore } });
 * // …
 * await rateLimitStore.close();
 * ```
 */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RedisRateLimitStore {
  const parsed = parseWithSchema(OptionsSchema, options, 'RedisRateLimitStoreOptions');
  const owned = parsed.connection === undefined;
  const redis = parsed.connection ?? new Redis(parsed.url!, { maxRetriesPerRequest: null });
  const P = `{${parsed.prefix}}:rl:`;
  const stateKey = (key: string) => `${P}s:${key}`;
  const reservationsKey = (key: string) => `${P}r:${key}`;
  const ttl = String(parsed.reservationTtlMs);
  const step = async <T>(key: string, op: 'reserve' | 'settle', input: RateLimitReserveRequest | RateLimitSettleReport): Promise<T> =>
    JSON.parse(
      (await runScript(redis, RATE_LIMIT_STEP, [stateKey(key), reservationsKey(key), op, JSON.stringify(input), ttl, key])) as string,
    ) as T;
  const decode = (raw: string | null): RateLimitRecord | undefined => (raw === null ? undefined : (JSON.parse(raw) as RateLimitRecord));

  return {
    keyPrefix: P,
    redis,
    reserve: (key, request) => step<RateLimitReserveResult>(key, 'reserve', request),
    settle: async (key, report) => {
      const result = await step<{ record: RateLimitRecord | null; changed: boolean }>(key, 'settle', report);
      return { record: result.record ?? undefined, changed: result.changed } satisfies RateLimitSettleResult;
    },
    get: async (key) => decode(await redis.get(stateKey(key))),
    set: async (key, state) => {
      await redis.set(stateKey(key), JSON.stringify(state), 'PX', 172_800_000);
    },
    delete: async (key) => {
      await redis.del(stateKey(key), reservationsKey(key));
    },
    entries: async () => {
      const out: Array<[string, RateLimitRecord]> = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${P}s:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length === 0) continue;
        const values = await redis.mget(...keys);
        keys.forEach((key, index) => {
          const record = decode(values[index] ?? null);
          if (record) out.push([key.slice(P.length + 2), record]);
        });
      } while (cursor !== '0');
      return out;
    },
    close: async () => {
      if (owned) await redis.quit();
    },
  };
}
