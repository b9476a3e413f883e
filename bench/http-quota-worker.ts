// One process of the shared-quota benchmark (bench/http.bench.ts): prints "ready", reads one
// line "<server url> <start at, epoch ms>" from stdin, sends REQUESTS requests for one X
// account, CONCURRENCY at a time, and prints {"ok":n,"failed":n}.
// MODE=smm: through createHttpClient with the Redis rate-limit store shared by every process.
// MODE=baseline: plain ky + p-retry (no planning), what an app without smm would do.
import { createInterface } from 'node:readline';
import { createHttpClient, parseEpochResetHeaders } from '@smm/core/http';
import { createRedisRateLimitStore } from '@smm/queue-bullmq';
import pRetry from 'p-retry';
// ky is a dependency of @smm/core, not of the repository root.
import ky from '../packages/core/node_modules/ky/distribution/index.js';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`http-quota-worker: ${name} is not set`);
  return value;
};
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
const [url = '', startAt = '0'] = await new Promise<string[]>((resolve) => lines.once('line', (line) => resolve(line.split(' '))));
lines.close();
const concurrency = Number(env('CONCURRENCY'));
let send: () => Promise<unknown>;
let close = async () => undefined as unknown;
let store: ReturnType<typeof createRedisRateLimitStore> | undefined;
if (env('MODE') === 'smm') {
  store = createRedisRateLimitStore({ url: env('REDIS_URL'), prefix: env('STORE_PREFIX') });
  const http = createHttpClient({
    platform: 'x',
    accountId: '1',
    baseUrl: url,
    rateLimitStore: store,
    parseRateLimit: parseEpochResetHeaders,
    concurrency,
    maxWaitMs: 60_000,
  });
  send = () => http.request({ path: '/2/tweets/search/recent' });
  close = () => store!.close();
} else {
  send = () =>
    pRetry(() => ky(`${url}/2/tweets/search/recent`, { retry: 0, timeout: 30_000 }).json(), {
      retries: 4,
      minTimeout: 250,
      factor: 2,
      randomize: true,
    });
}
let warmup: () => Promise<unknown> = () => ky(`${url}/warmup`, { retry: 0 }).json();
if (env('MODE') === 'smm') {
  const warm = createHttpClient({ platform: 'x', accountId: 'warmup', baseUrl: url, rateLimitStore: store! });
  warmup = () => warm.request({ path: '/warmup' });
}
// Warm up before the first window opens, so the windows measure planning, not start-up.
for (let i = 0; i < 200 && Date.now() < Number(startAt) - 200; i += 1) await warmup();
let left = Number(env('REQUESTS'));
let ok = 0;
let failed = 0;
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (left > 0) {
      left -= 1;
      try {
        await send();
        ok += 1;
      } catch {
        failed += 1;
      }
    }
  }),
);
await close();
process.stdout.write(`${JSON.stringify({ ok, failed })}\n`);
