/**
 * `@smm/core/http` benchmarks (loopback only, bounded, stop by themselves):
 *
 * 1. Shared quota: a node:http server enforces an X-style window (QUOTA requests per WINDOW_MS,
 *    `x-rate-limit-*` headers, reset in epoch seconds, 429 past the quota). Three processes send
 *    PER_PROCESS requests each for the same account, through createHttpClient with the Redis
 *    rate-limit store of @smm/queue-bullmq, then as plain ky + p-retry (no planning).
 *    Targets: 0 × 429 and ≥ 95 % of the quota used in every full window.
 * 2. Retry-After-only: a server that announces nothing in advance and answers 429 with only
 *    `Retry-After` once a window's quota is spent; 100 callers in one process, client vs.
 *    ky + p-retry. Target: per window, 429s ≤ the client's requests in flight when the first
 *    429 arrived.
 * 3. Overhead: latency of one request at a time through the client vs. plain ky on an
 *    unlimited server, paired (each client request next to a ky request, order alternating)
 *    and interleaved. Target: median ratio ≤ 1.10.
 *
 * Targets are reported PASS/MISS (not hard targets: the process exits 0 either way).
 * Run: npx tsx --expose-gc bench/http.bench.ts [--only=quota|retry-after|overhead]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createHttpClient, parseEpochResetHeaders } from '@smm/core/http';
import pRetry from 'p-retry';
import { findRedisServer, startRedisServer } from '../packages/queue-bullmq/src/testing/index.js';
// ky is a dependency of @smm/core, not of the repository root.
import ky from '../packages/core/node_modules/ky/distribution/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const workerScript = fileURLToPath(new URL('./http-quota-worker.ts', import.meta.url));

interface WindowStats {
  ok: number;
  rejected: number;
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
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Fixed windows on a whole-second grid from `origin` (X's epoch-second resets). With
 * `advance: false` it sends no rate-limit headers, only `Retry-After` on a 429.
 */
async function startWindowServer(quota: number, windowMs: number, advance: boolean, leadMs = 1_000) {
  const origin = Math.ceil(Date.now() / 1000) * 1000 + leadMs;
  const windows = new Map<number, WindowStats>();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url?.startsWith('/warmup')) {
        // Processes warm up (JIT, Redis connection, scripts) on this path before the windows start.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{}');
        return;
      }
      const now = Date.now();
      const index = Math.floor((now - origin) / windowMs);
      const stats = windows.get(index) ?? { ok: 0, rejected: 0 };
      windows.set(index, stats);
      const windowEnd = origin + (index + 1) * windowMs;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (advance) Object.assign(headers, { 'x-rate-limit-limit': String(quota), 'x-rate-limit-reset': String(windowEnd / 1000) });
      if (stats.ok >= quota) {
        stats.rejected += 1;
        if (advance) headers['x-rate-limit-remaining'] = '0';
        else headers['retry-after'] = String(Math.max(1, Math.ceil((windowEnd - now) / 1000)));
        response.writeHead(429, headers);
        response.end('{"errors":[{"code":88,"message":"Rate limit exceeded"}]}');
        return;
      }
      stats.ok += 1;
      if (advance) headers['x-rate-limit-remaining'] = String(quota - stats.ok);
      response.writeHead(200, headers);
      response.end('{"data":{"id":"1"}}');
    });
  });
  await listen(server);
  return { server, url: urlOf(server), windows, origin };
}

function utilisation(windows: Map<number, WindowStats>, quota: number) {
  const indexes = [...windows.keys()].sort((a, b) => a - b);
  // The last window is where the work ran out, so it cannot be full.
  const full = indexes.slice(0, -1).map((index) => (windows.get(index)?.ok ?? 0) / quota);
  const rejected = [...windows.values()].reduce((sum, stats) => sum + stats.rejected, 0);
  const mean = full.length ? full.reduce((a, b) => a + b, 0) / full.length : 0;
  const min = full.length ? Math.min(...full) : 0;
  return { perWindow: indexes.map((index) => windows.get(index)?.ok ?? 0), mean, min, rejected };
}

async function runProcesses(mode: 'smm' | 'baseline', env: Record<string, string>, count: number, quota: number, windowMs: number) {
  const children: ChildProcess[] = [];
  const outputs = Array.from({ length: count }, () => '');
  try {
    await Promise.all(
      Array.from(
        { length: count },
        (_, index) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
              cwd: root,
              env: { ...process.env, ...env, MODE: mode },
              stdio: ['pipe', 'pipe', 'inherit'],
            });
            children.push(child);
            child.stdout!.on('data', (chunk: Buffer) => {
              outputs[index] += chunk.toString();
              if (outputs[index]!.includes('ready\n')) resolve();
            });
            child.once('error', reject);
          }),
      ),
    );
    const { server, url, windows, origin } = await startWindowServer(quota, windowMs, true, 3_000);
    const exited = children.map((child) => new Promise<void>((resolve) => child.once('exit', () => resolve())));
    const killer = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), 120_000);
    const started = performance.now();
    for (const child of children) child.stdin!.end(`${url} ${origin}\n`);
    await Promise.all(exited);
    clearTimeout(killer);
    const seconds = (performance.now() - started) / 1000;
    await close(server);
    const results = outputs.map((output) => JSON.parse(output.split('\n').find((line) => line.startsWith('{')) ?? '{"ok":0,"failed":0}'));
    const completed = results.reduce((sum, result) => sum + result.ok, 0);
    const failed = results.reduce((sum, result) => sum + result.failed, 0);
    return { completed, failed, seconds, ...utilisation(windows, quota) };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }
}

async function sharedQuota() {
  const QUOTA = 150;
  const WINDOW_MS = 2_000;
  const PROCESSES = 3;
  const PER_PROCESS = 400; // 1,200 requests: 8 full windows
  const CONCURRENCY = 8;
  console.log(
    `\n# Shared quota: ${PROCESSES} processes, one account, ${QUOTA} req / ${WINDOW_MS / 1000} s window, ${PROCESSES * PER_PROCESS} requests, ${CONCURRENCY} concurrent per process`,
  );
  if (findRedisServer() === undefined) {
    console.log('SKIP  redis-server is not installed (scripts/setup-system.sh installs it)');
    return;
  }
  const redis = await startRedisServer();
  try {
    const env = {
      REDIS_URL: redis.url,
      STORE_PREFIX: `bench-${process.pid}`,
      REQUESTS: String(PER_PROCESS),
      CONCURRENCY: String(CONCURRENCY),
    };
    const smm = await runProcesses('smm', env, PROCESSES, QUOTA, WINDOW_MS);
    const baseline = await runProcesses('baseline', env, PROCESSES, QUOTA, WINDOW_MS);
    for (const [name, result] of Object.entries({ smm, baseline })) {
      console.log(
        `${name.padEnd(9)} 429s: ${String(result.rejected).padStart(5)}  completed: ${result.completed}/${PROCESSES * PER_PROCESS} (failed ${result.failed})  ` +
          `utilisation per full window: mean ${percent(result.mean)}, min ${percent(result.min)}  in ${result.seconds.toFixed(1)} s`,
      );
      console.log(`${''.padEnd(9)} completed per window: [${result.perWindow.join(', ')}]`);
    }
    console.log(`429 count smm / baseline: ${smm.rejected} / ${baseline.rejected}`);
    console.log(
      `${smm.rejected === 0 ? 'PASS' : 'MISS'}  0 × 429 across ${PROCESSES} processes sharing the Redis store (got ${smm.rejected})`,
    );
    console.log(
      `${smm.min >= 0.95 ? 'PASS' : 'MISS'}  ≥ 95 % of the quota used in every full window (min ${percent(smm.min)}, mean ${percent(smm.mean)})`,
    );
  } finally {
    await redis.stop();
  }
}

async function retryAfterOnly() {
  const QUOTA = 50;
  const WINDOW_MS = 2_000;
  const CALLERS = 100;
  const TOTAL = 300;
  console.log(
    `\n# Retry-After-only: ${QUOTA} req / ${WINDOW_MS / 1000} s window, no advance headers, ${CALLERS} callers, ${TOTAL} requests`,
  );
  const drive = async (send: () => Promise<unknown>) => {
    let left = TOTAL;
    let ok = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
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
    return { ok, failed };
  };
  const results: Record<
    string,
    { ok: number; failed: number; rejected: number; perWindow: Array<{ rejected: number; inFlightAtFirst?: number }> }
  > = {};
  {
    const { server, url, windows, origin } = await startWindowServer(QUOTA, WINDOW_MS, false);
    const http = createHttpClient({
      platform: 'x',
      baseUrl: url,
      concurrency: 8,
      maxRetries: 20,
      maxWaitMs: 60_000,
      maxRetryTimeMs: 120_000,
    });
    let onWire = 0;
    const firstInFlight = new Map<number, number>();
    http.on('request', () => (onWire += 1));
    http.on('response', (event) => {
      const index = Math.floor((Date.now() - origin) / WINDOW_MS);
      if (event.status === 429 && !firstInFlight.has(index)) firstInFlight.set(index, onWire);
      onWire -= 1;
    });
    await new Promise((resolve) => setTimeout(resolve, origin - Date.now()));
    const run = await drive(() => http.request({ path: '/2/tweets' }));
    await close(server);
    const indexes = [...windows.keys()].sort((a, b) => a - b);
    results.smm = {
      ...run,
      rejected: [...windows.values()].reduce((sum, stats) => sum + stats.rejected, 0),
      perWindow: indexes.map((index) => ({ rejected: windows.get(index)!.rejected, inFlightAtFirst: firstInFlight.get(index) ?? 0 })),
    };
  }
  {
    const { server, url, windows, origin } = await startWindowServer(QUOTA, WINDOW_MS, false);
    await new Promise((resolve) => setTimeout(resolve, origin - Date.now()));
    const run = await drive(() =>
      pRetry(() => ky(`${url}/2/tweets`, { retry: 0, timeout: 30_000 }).json(), {
        retries: 4,
        minTimeout: 250,
        factor: 2,
        randomize: true,
      }),
    );
    await close(server);
    const indexes = [...windows.keys()].sort((a, b) => a - b);
    results.baseline = {
      ...run,
      rejected: [...windows.values()].reduce((sum, stats) => sum + stats.rejected, 0),
      perWindow: indexes.map((index) => ({ rejected: windows.get(index)!.rejected })),
    };
  }
  for (const [name, result] of Object.entries(results)) {
    console.log(
      `${name.padEnd(9)} 429s: ${String(result.rejected).padStart(5)}  completed: ${result.ok}/${TOTAL} (failed ${result.failed})  ` +
        `per window 429s${name === 'smm' ? ' / in flight at the first' : ''}: [${result.perWindow
          .map((window) => (window.inFlightAtFirst === undefined ? window.rejected : `${window.rejected}/${window.inFlightAtFirst}`))
          .join(', ')}]`,
    );
  }
  const smm = results.smm!;
  const within = smm.perWindow.every((window) => window.rejected <= (window.inFlightAtFirst ?? 0));
  console.log(`429 count smm / baseline: ${smm.rejected} / ${results.baseline!.rejected}`);
  console.log(`${within ? 'PASS' : 'MISS'}  per window, 429s ≤ requests in flight when the first 429 arrived`);
}

async function overhead() {
  const PAIRS = 3_000;
  const WARMUP = 300;
  console.log(`\n# Overhead: one request at a time, ${PAIRS} pairs (client, plain ky), order alternating per pair`);
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
  const url = urlOf(server);
  const http = createHttpClient({ platform: 'x', baseUrl: url, parseRateLimit: parseEpochResetHeaders });
  const viaClient = () => http.request({ path: '/2/tweets/1' });
  const viaKy = () => ky(`${url}/2/tweets/1`, { retry: 0, timeout: false }).json();
  const time = async (send: () => Promise<unknown>) => {
    const started = performance.now();
    await send();
    return performance.now() - started;
  };
  for (let i = 0; i < WARMUP; i += 1) {
    await viaClient();
    await viaKy();
  }
  const client: number[] = [];
  const plain: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < PAIRS; i += 1) {
    if (i % 500 === 0) (globalThis as { gc?: () => void }).gc?.();
    let a: number;
    let b: number;
    if (i % 2 === 0) {
      a = await time(viaClient);
      b = await time(viaKy);
    } else {
      b = await time(viaKy);
      a = await time(viaClient);
    }
    client.push(a);
    plain.push(b);
    ratios.push(a / b);
  }
  await close(server);
  const ratioOfMedians = median(client) / median(plain);
  const medianRatio = median(ratios);
  console.log(
    `median latency: client ${(median(client) * 1000).toFixed(0)} µs, plain ky ${(median(plain) * 1000).toFixed(0)} µs; ` +
      `ratio of medians ${ratioOfMedians.toFixed(3)}, median of paired ratios ${medianRatio.toFixed(3)}`,
  );
  console.log(`${medianRatio <= 1.1 ? 'PASS' : 'MISS'}  overhead ≤ 1.10 (median of paired ratios ${medianRatio.toFixed(3)})`);
}

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
if (!only || only === 'quota') await sharedQuota();
if (!only || only === 'retry-after') await retryAfterOnly();
if (!only || only === 'overhead') await overhead();
