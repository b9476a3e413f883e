import type { Redis } from 'ioredis';

/** Deletes every key under `keyPrefix` (e.g. `{conf-1}:`), so a test leaves the shared server clean. */
export async function dropPrefix(redis: Redis, keyPrefix: string): Promise<void> {
  // Braces are glob-literal in SCAN MATCH except for [ ] * ? \ — escape nothing else.
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}
