/**
 * `@smm/core/http` benchmarks (loopback only, bounded, stop by themselves):
 *
 * 1. Quota utilisation: a node:http server enforces an X-style window (300 requests per 3 s,
 *    `x-rate-limit-*` headers, reset in epoch seconds, 429 past the quota). 20 concurrent callers
 *    issue 3,000 requests through the client, then through plain ky + p-retry (no planning).
 *    Targets: 0 × 429 and ≥ 95 % of the quota used per window.
 * 2. Overhead: median latency of one request at a time through the client vs. plain ky on an
 *    unlimited server. Target: ratio ≤ 1.15.
 *
 * Targets are reported PASS/MISS (not hard targets: the process exits 0 either way).
 * Run: npx tsx --expose-gc bench/http.bench.ts
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient, parseEpochResetHeaders } from '@smm/core/http';
// ky and p-retry are dependencies of @smm/core, not of the repository root.
import ky from '../packages/core/node_modules/ky/distribution/index.js';
import pRetry from '../packages/core/node_modules/p-retry/index.js';

const QUOTA = 300;
const WINDOW_MS = 3_000;
const TOTAL_REQUESTS = 3_000;
const CALLERS = 20;
const RUN_DEADLINE_MS = 90_000; // a run that takes longer stops issuing requests

interface WindowStats {
  ok: number;
  rejected: number;
}

/** An X-style limited server: fixed 3 s windows on a whole-second grid, as X's epoch-second resets imply. */
async function startWindowServer() {
  const origin = Math.ceil(Date.now() / 1000) * 1000;
  const windows = new Map<number, WindowStats>();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const now = Date.now();
      const index = Math.floor((now - origin) / WINDOW_MS);
      const stats = windows.get(index) ?? { ok: 0, rejected: 0 };
      windows.set(index, stats);
      const reset = (origin + (index + 1) * WINDOW_MS) / 1000;
      const headers = { 'content-type': 'application/json', 'x-rate-limit-limit': String(QUOTA), 'x-rate-limit-reset': String(reset) };
      if (stats.ok >= QUOTA) {
        stats.rejected += 1;
        response.writeHead(429, { ...headers, 'x-rate-limit-remaining': '0' });
        response.end('{"errors":[{"code":88,"message":"Rate limit exceeded"}]}');
        return;
      }
      stats.ok += 1;
      response.writeHead(200, { ...headers, 'x-rate-limit-remaining': String(QUOTA - stats.ok) });
      response.end('{"data":{"id":"1"}}');
    });
  });
  await listen(server);
  return { server, url: urlOf(server), windows, origin };
}

async function startUnlimitedServer() {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'x-rate-limit-limit': '1000000000',
        'x-rate-limit-remaining': '999999999',
        'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900),
      });
      response.end('{"data":{"id":"1","text":"hello"}}');
    });
  });
  await listen(server);
  return { server, url: urlOf(server) };
}

/** Starts the load when the server's first window opens, so that window is a full 3 s. */
function startOfWindow(origin: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, origin - Date.now())));
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}
function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Runs `CALLERS` loops sharing `TOTAL_REQUESTS`; returns completed and failed counts. */
async function drive(send: () => Promise<unknown>) {
  let issued = 0;
  let completed = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (issued < TOTAL_REQUESTS && performance.now() - started < RUN_DEADLINE_MS) {
        issued += 1;
        try {
          await send();
          completed += 1;
        } catch {
          failed += 1;
        }
      }
    }),
  );
  return { completed, failed, seconds: (performance.now() - started) / 1000 };
}

function utilisation(windows: Map<number, WindowStats>) {
  const indexes = [...windows.keys()].sort((a, b) => a - b);
  // The last window is where the work ran out, so it cannot be full.
  const full = indexes.slice(0, -1).map((index) => (windows.get(index)?.ok ?? 0) / QUOTA);
  const rejected = [...windows.values()].reduce((sum, stats) => sum + stats.rejected, 0);
  const mean = full.length ? full.reduce((a, b) => a + b, 0) / full.length : 0;
  const min = full.length ? Math.min(...full) : 0;
  return { perWindow: indexes.map((index) => windows.get(index)?.ok ?? 0), mean, min, rejected };
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

async function quotaUtilisation() {
  console.log(`\n# Quota utilisation: ${QUOTA} req / ${WINDOW_MS / 1000} s window, ${CALLERS} callers, ${TOTAL_REQUESTS} requests`);
  const results: Record<string, ReturnType<typeof utilisation> & { completed: number; failed: number; seconds: number }> = {};

  {
    const { server, url, windows, origin } = await startWindowServer();
    await startOfWindow(origin);
    const http = createHttpClient({
      platform: 'x',
      baseUrl: url,
      concurrency: CALLERS,
      parseRateLimit: parseEpochResetHeaders,
      maxWaitMs: 10_000,
    });
    const run = await drive(() => http.request({ path: '/2/tweets/search/recent' }));
    results.smm = { ...run, ...utilisation(windows) };
    await close(server);
  }
  {
    const { server, url, windows, origin } = await startWindowServer();
    await startOfWindow(origin);
    const run = await drive(() =>
      pRetry(() => ky(`${url}/2/tweets/search/recent`, { retry: 0, timeout: 30_000 }).json(), {
        retries: 4,
        minTimeout: 250,
        factor: 2,
        randomize: true,
      }),
    );
    results.baseline = { ...run, ...utilisation(windows) };
    await close(server);
  }

  for (const [name, result] of Object.entries(results)) {
    console.log(
      `${name.padEnd(9)} 429s: ${String(result.rejected).padStart(5)}  completed: ${result.completed}/${TOTAL_REQUESTS} (failed ${result.failed})  ` +
        `utilisation per full window: mean ${percent(result.mean)}, min ${percent(result.min)}  in ${result.seconds.toFixed(1)} s`,
    );
    console.log(`${''.padEnd(9)} completed per window: [${result.perWindow.join(', ')}]`);
  }
  const smm = results.smm!;
  const baseline = results.baseline!;
  console.log(`429 count smm / baseline: ${smm.rejected} / ${baseline.rejected}`);
  console.log(`${smm.rejected === 0 ? 'PASS' : 'MISS'}  0 × 429 through the client (got ${smm.rejected})`);
  console.log(
    `${smm.min >= 0.95 ? 'PASS' : 'MISS'}  ≥ 95 % of the quota used in every full window (min ${percent(smm.min)}, mean ${percent(smm.mean)})`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function overhead() {
  const ROUNDS = 10;
  const PER_ROUND = 300;
  const WARMUP = 300;
  console.log(`\n# Overhead: median latency, one request at a time, ${ROUNDS} × ${PER_ROUND} each, interleaved`);
  const { server, url } = await startUnlimitedServer();
  const http = createHttpClient({ platform: 'x', baseUrl: url, parseRateLimit: parseEpochResetHeaders });
  const viaClient = () => http.request({ path: '/2/tweets/1' });
  const viaKy = () => ky(`${url}/2/tweets/1`, { retry: 0, timeout: false }).json();
  for (let i = 0; i < WARMUP; i += 1) {
    await viaClient();
    await viaKy();
  }
  const samples = { client: [] as number[], ky: [] as number[] };
  const measure = async (send: () => Promise<unknown>, into: number[]) => {
    for (let i = 0; i < PER_ROUND; i += 1) {
      const started = performance.now();
      await send();
      into.push(performance.now() - started);
    }
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    (globalThis as { gc?: () => void }).gc?.();
    // Alternate the order so neither always runs on a warmer process.
    if (round % 2 === 0) {
      await measure(viaClient, samples.client);
      await measure(viaKy, samples.ky);
    } else {
      await measure(viaKy, samples.ky);
      await measure(viaClient, samples.client);
    }
  }
  await close(server);
  const client = median(samples.client);
  const plain = median(samples.ky);
  const ratio = client / plain;
  console.log(
    `median latency: client ${(client * 1000).toFixed(0)} µs, plain ky ${(plain * 1000).toFixed(0)} µs, ratio ${ratio.toFixed(3)}`,
  );
  console.log(`${ratio <= 1.15 ? 'PASS' : 'MISS'}  overhead ratio ≤ 1.15 (got ${ratio.toFixed(3)})`);
}

// `--only=overhead` or `--only=quota` runs one part.
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
if (only !== 'overhead') await quotaUtilisation();
if (only !== 'quota') await overhead();
