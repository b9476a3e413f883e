import { afterEach, describe, expect, it } from 'vitest';
import { runScript, sourceSpecifier, type ScriptRun } from '../test-helpers/run-script.js';
import { json, startLoopback, type Loopback } from './__tests__/loopback-server.js';

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs `body` (after a client on `url` is created) in a child Node process; resolves with its exit code and output. */
function runChild(url: string, body: string): Promise<ScriptRun> {
  return runScript(
    `import { createHttpClient } from ${sourceSpecifier('http/index.ts')};\n` +
      `const http = createHttpClient({ platform: 'x', baseUrl: ${JSON.stringify(url)}, maxWaitMs: 30_000, retryBaseDelayMs: 1_000, retryMaxDelayMs: 1_000 });\n` +
      body,
    { killAfterMs: 25_000 },
  );
}

describe('pending work keeps the process alive; an idle client holds nothing', () => {
  it('a second call held for a reset (remaining: 0) settles before the process exits', async () => {
    // One request per window of one whole second, X-style headers.
    let windowEnd = 0;
    let used = 0;
    server = await startLoopback((_request, response) => {
      const now = Date.now();
      if (now >= windowEnd) {
        windowEnd = (Math.floor(now / 1000) + 2) * 1000;
        used = 0;
      }
      used += 1;
      const headers = { 'x-rate-limit-limit': '1', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(windowEnd / 1000) };
      if (used > 1) json(response, 429, { errors: [{ code: 88 }] }, headers);
      else json(response, 200, { n: used }, headers);
    });
    const { code, stdout, stderr } = await runChild(
      server.url,
      `let held = false;
http.on('rate-limited', () => { held = true; });
const first = await http.request({ path: '/2/users/me' });
const second = await http.request({ path: '/2/users/me' });
console.log(JSON.stringify({ first: first.status, second: second.status, held }));\n`,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim())).toEqual({ first: 200, second: 200, held: true });
    expect(server.received).toHaveLength(2);
  }, 30_000);

  it('a call backing off before a retry settles before the process exits', async () => {
    let calls = 0;
    server = await startLoopback((_request, response) => {
      calls += 1;
      if (calls === 1) json(response, 503, {}, { 'retry-after': '1' });
      else json(response, 200, { ok: true });
    });
    const { code, stdout, stderr } = await runChild(
      server.url,
      `let retried = false;
http.on('retry', () => { retried = true; });
const result = await http.request({ path: '/flaky' });
console.log(JSON.stringify({ status: result.status, retried }));\n`,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim())).toEqual({ status: 200, retried: true });
    expect(calls).toBe(2);
  }, 30_000);

  it('an idle client, and one whose last request failed fast, keep nothing alive', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    server = await startLoopback((_request, response) =>
      json(response, 200, {}, { 'x-rate-limit-limit': '1', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset }),
    );
    const { code, stdout, stderr } = await runChild(
      server.url,
      `await http.request({ path: '/a' });
const error = await http.request({ path: '/a' }).catch((caught) => caught.name);
console.log(JSON.stringify({ error }));\n`,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The second call would wait an hour; past maxWaitMs it fails fast instead, and nothing is left running.
    expect(JSON.parse(stdout.trim())).toEqual({ error: 'RateLimitError' });
  }, 30_000);
});
