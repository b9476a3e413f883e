import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRedisServer } from './find-redis-server.js';

/** A throwaway redis-server started by {@link startRedisServer}. */
export interface RedisServerHandle {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The server's process id. */
  readonly pid: number;
  /** Stops the server (SIGTERM, then SIGKILL after 2 s) and removes its temp directory. */
  stop(): Promise<void>;
}

/** Options of {@link startRedisServer}. */
export interface StartRedisServerOptions {
  /** The executable; default `redis-server` found on PATH. */
  binary?: string;
  /** How long to wait for "ready", in ms (default 10 000). */
  readyTimeoutMs?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a private `redis-server` on a free port of 127.0.0.1 with no persistence (no RDB
 * snapshots, no AOF) in a temp directory: for tests, demos and examples, never production.
 * Throws when `redis-server` is not installed (`apt-get install redis-server`).
 *
 * @example
 * ```ts
 * import { startRedisServer } from '@smm/queue-bullmq/testing';
 *
 * const redis = await startRedisServer();
 * const store = createRedisStore({ url: redis.url });
 * // …
 * await store.close();
 * await redis.stop();
 * ```
 */
export async function startRedisServer(options: StartRedisServerOptions = {}): Promise<RedisServerHandle> {
  const binary = options.binary ?? findRedisServer();
  if (binary === undefined) {
    throw new Error('redis-server is not installed or not on PATH; install it (apt-get install redis-server) or pass `binary`.');
  }
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    try {
      return await launch(binary, port, options.readyTimeoutMs ?? 10_000);
    } catch (error) {
      // Another process may take the port between probing and binding; try a new one.
      if (attempt >= 3) throw error;
    }
  }
}

async function launch(binary: string, port: number, readyTimeoutMs: number): Promise<RedisServerHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'smm-redis-'));
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });

  try {
    await waitForPing(port, readyTimeoutMs, exited, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    cleanup();
    throw error;
  }
  child.stdout.off('data', collect);
  child.stderr.off('data', collect);
  child.stdout.resume();
  child.stderr.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
        await exited;
        clearTimeout(timer);
      }
      cleanup();
    },
  };
}

// PING over a raw socket: no client library needed, and a refused connection just retries.
async function waitForPing(port: number, timeoutMs: number, exited: Promise<void>, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    if (dead) throw new Error(`redis-server exited before it was ready: ${output().trim().slice(0, 500)}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(500);
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not answer PING on 127.0.0.1:${port} within ${timeoutMs} ms`);
}
