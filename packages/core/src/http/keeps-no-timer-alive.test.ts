import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const entry = pathToFileURL(fileURLToPath(new URL('./index.ts', import.meta.url))).href;

// The script leaves one request waiting an hour for a reset and one retry backing off, then
// returns: nothing it created may keep Node running.
const script = `
import { createHttpClient } from ${JSON.stringify(entry)};
const reset = String(Math.floor(Date.now() / 1000) + 3600);
const http = createHttpClient({
  platform: 'x',
  baseUrl: 'https://api.example.test',
  maxWaitMs: 7_200_000,
  maxRetryTimeMs: 7_200_000,
  retryBaseDelayMs: 7_200_000,
  retryMaxDelayMs: 3_600_000,
  fetch: async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/flaky') return new Response('{}', { status: 503 });
    return new Response('{}', { headers: { 'x-rate-limit-limit': '1', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset } });
  },
});
await http.request({ path: '/a' });
let held = false;
http.on('rate-limited', () => { held = true; });
let backingOff = false;
http.on('retry', () => { backingOff = true; });
void http.request({ path: '/a' }).catch(() => {});
void http.request({ path: '/flaky', bucket: 'other' }).catch(() => {});
await new Promise((resolve) => setTimeout(resolve, 100));
console.log(JSON.stringify({ held, backingOff }));
`;

describe('no timer keeps the process alive', () => {
  it('a process with a request waiting for a reset and one backing off exits by itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smm-http-'));
    const file = join(dir, 'waiting.mts');
    writeFileSync(file, script);
    try {
      const started = performance.now();
      const child = spawn(tsx, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => {
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.on('exit', (exitCode) => {
          clearTimeout(killer);
          resolve(exitCode);
        });
      });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(JSON.parse(stdout.trim())).toEqual({ held: true, backingOff: true });
      // Far sooner than the hour-long waits it left behind (tsx start-up included).
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
