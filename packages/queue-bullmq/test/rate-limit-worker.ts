// One process of the shared-quota test and benchmark: prints "ready", reads one line
// "<server url> <start at, epoch ms>" from stdin, then sends REQUESTS requests for one X
// account through a client whose rate-limit store is the Redis one, CONCURRENCY at a time.
// Prints {"ok":n,"failed":n} and exits. Started with `node --import tsx` from the repository
// root (so @smm/* resolve to sources).
import { createInterface } from 'node:readline';
import { createHttpClient, parseEpochResetHeaders } from '@smm/core/http';
import { createRedisRateLimitStore } from '../src/index.js';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`rate-limit-worker: ${name} is not set`);
  return value;
};
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
const [serverUrl = '', startAt = '0'] = await new Promise<string[]>((resolve) => lines.once('line', (line) => resolve(line.split(' '))));
lines.close();
const store = createRedisRateLimitStore({ url: env('REDIS_URL'), prefix: env('STORE_PREFIX') });
const http = createHttpClient({
  platform: 'x',
  accountId: '1',
  baseUrl: serverUrl,
  rateLimitStore: store,
  parseRateLimit: parseEpochResetHeaders,
  concurrency: Number(env('CONCURRENCY')),
  maxWaitMs: 60_000,
  maxRetries: 0,
});
let left = Number(env('REQUESTS'));
let ok = 0;
let failed = 0;
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
await Promise.all(
  Array.from({ length: Number(env('CONCURRENCY')) }, async () => {
    while (left > 0) {
      left -= 1;
      try {
        await http.request({ path: '/2/tweets/search/recent' });
        ok += 1;
      } catch {
        failed += 1;
      }
    }
  }),
);
await store.close();
process.stdout.write(`${JSON.stringify({ ok, failed })}\n`);
