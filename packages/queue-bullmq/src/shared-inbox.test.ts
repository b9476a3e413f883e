import { sharedInboxChecks } from '@smm/testkit/inbox-conformance';
import { describe, inject, it } from 'vitest';
import { createRedisInboxStore } from './inbox-store.js';
import { dropPrefix } from '../test/redis-test-helpers.js';

const url = inject('redisUrl');
let counter = 0;

if (url === '') {
  it.skip(`shared inbox on Redis — ${inject('redisSkipReason')}`, () => {});
} else {
  describe('createSharedInbox over one Redis', () => {
    const checks = sharedInboxChecks({
      name: '@smm/queue-bullmq',
      // Two connections on one fresh key prefix: two app instances on one Redis.
      openPair: async () => {
        const prefix = `shared-inbox-${process.pid}-${(counter += 1)}`;
        const first = createRedisInboxStore({ url, prefix });
        const second = createRedisInboxStore({ url, prefix });
        return {
          first,
          second,
          close: async () => {
            await dropPrefix(first.redis, first.keyPrefix);
            await Promise.all([first.close(), second.close()]);
          },
        };
      },
    });
    for (const { name, run } of checks) it(name, run, 30_000);
  });
}
