import { z } from 'zod';
import type { Redis } from 'ioredis';

// The option fields every Redis-backed piece of this package takes the same way, validated
// the same way: an ioredis client the caller owns, or a URL the piece connects to itself.

/** An ioredis client (anything with `evalsha`, which every piece's scripts need). @internal */
export const RedisClientSchema = z.custom<Redis>(
  (value) => value != null && typeof value === 'object' && typeof (value as { evalsha?: unknown }).evalsha === 'function',
  { error: 'must be an ioredis client (new Redis(...))' },
);

/** @internal */
export const RedisUrlSchema = z.string().regex(/^rediss?:\/\//, { error: 'must be a redis:// or rediss:// URL' });

/** A key prefix that Redis Cluster can use as a hash tag (`{prefix}:…`), so a piece's keys share one slot. @internal */
export const HashTagPrefixSchema = z
  .string()
  .min(1, { error: 'must not be empty' })
  .regex(/^[^{}\s]+$/, { error: 'must not contain braces or spaces (the store wraps it in {} as a cluster hash tag)' })
  .default('smm');

/** `.refine(...ONE_CONNECTION)`: exactly one of `connection` and `url`. @internal */
export const ONE_CONNECTION: [
  check: (options: { connection?: unknown; url?: unknown }) => boolean,
  params: { error: string; path: string[] },
] = [
  (options) => (options.connection === undefined) !== (options.url === undefined),
  { error: 'pass exactly one of `connection` (an ioredis client) or `url`', path: ['connection'] },
];
