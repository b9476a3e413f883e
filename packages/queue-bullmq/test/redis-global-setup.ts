import type { TestProject } from 'vitest/node';
import { findRedisServer, startRedisServer, type RedisServerHandle } from '../src/testing/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:<port>` of the suite's private redis-server, or '' when there is none. */
    redisUrl: string;
    /** Why there is no redis-server ('' when there is one). */
    redisSkipReason: string;
  }
}

let server: RedisServerHandle | undefined;

/**
 * Starts one private redis-server (free port, 127.0.0.1, no persistence) for the package's
 * tests and stops it at the end. Without redis-server the Redis suites are skipped with the
 * reason outside CI, and the run fails in CI (CI=true), where setup-system.sh installs it.
 */
export async function setup(project: TestProject): Promise<void> {
  if (findRedisServer() === undefined) {
    const reason = 'redis-server is not installed (apt-get install redis-server, or run scripts/setup-system.sh as root)';
    if (process.env.CI === 'true') throw new Error(`queue-bullmq: ${reason}; CI must install it.`);
    process.stdout.write(`\n[queue-bullmq] Redis tests SKIPPED: ${reason}\n`);
    project.provide('redisUrl', '');
    project.provide('redisSkipReason', reason);
    return;
  }
  server = await startRedisServer();
  project.provide('redisUrl', server.url);
  project.provide('redisSkipReason', '');
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
