import { z } from 'zod';
import type { Redis } from 'ioredis';
import { HashTagPrefixSchema, ONE_CONNECTION, RedisClientSchema, RedisUrlSchema } from './redis-connection-schema.js';

/**
 * Options of {@link createRedisStore}: an ioredis connection you own, or a URL the store
 * connects to (and closes on `close()`), and the key prefix.
 *
 * @example
 * ```ts
 * const options: RedisStoreOptions = { url: 'redis://127.0.0.1:6379', prefix: 'smm' };
 * ```
 */
export interface RedisStoreOptions {
  /**
   * An ioredis client; the store does not close it. Create it with `enableAutoPipelining: true`
   * (as the store does for `url`): the calls of concurrent jobs then reach Redis in one write.
   */
  connection?: Redis;
  /** `redis://…` or `rediss://…`; the store opens and closes its own connection. */
  url?: string;
  /**
   * Namespaces every key (`{prefix}:e:<id>`, `{prefix}:due`, …). The braces make it a Redis
   * Cluster hash tag, so all of a store's keys share one slot and its scripts stay atomic.
   * Default `smm`.
   */
  prefix?: string;
}

/** @internal */
export const RedisStoreOptionsSchema = z
  .strictObject({ connection: RedisClientSchema.optional(), url: RedisUrlSchema.optional(), prefix: HashTagPrefixSchema })
  .refine(...ONE_CONNECTION);
