import { afterEach, describe, expect, it } from 'vitest';
import { json, startLoopback, type Loopback } from './__tests__/loopback-server.js';
import { createHttpClient } from './index.js';

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Warnings Node emits while `run` runs (they arrive on a later tick). */
async function warningsDuring(run: () => Promise<void>): Promise<Error[]> {
  const warnings: Error[] = [];
  const listener = (warning: Error) => warnings.push(warning);
  process.on('warning', listener);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    process.off('warning', listener);
  }
  return warnings;
}

describe('one AbortSignal shared by many calls', () => {
  it('200 calls sharing one signal raise no MaxListenersExceededWarning, and all succeed', async () => {
    server = await startLoopback((_request, response) => {
      setTimeout(() => json(response, 200, { ok: true }), 2);
    });
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, concurrency: 8 });
    const controller = new AbortController();
    let statuses: number[] = [];
    const warnings = await warningsDuring(async () => {
      const results = await Promise.all(Array.from({ length: 200 }, () => http.request({ path: '/a', signal: controller.signal })));
      statuses = results.map((result) => result.status);
    });
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
    expect(statuses).toEqual(Array.from({ length: 200 }, () => 200));
  });

  it('aborting the shared signal rejects every pending call at once with its reason', async () => {
    server = await startLoopback(() => undefined); // never answers
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, concurrency: 4 });
    const controller = new AbortController();
    const reason = new Error('user left');
    const settled: unknown[] = [];
    const warnings = await warningsDuring(async () => {
      const pending = Array.from({ length: 200 }, () =>
        http.request({ path: '/a', signal: controller.signal }).then(
          () => 'resolved',
          (error: unknown) => error,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort(reason);
      settled.push(...(await Promise.all(pending)));
    });
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
    expect(settled).toHaveLength(200);
    expect(settled.every((outcome) => outcome === reason)).toBe(true);
    // Only the four in the concurrency slots ever reached the server.
    expect(server.received.length).toBeLessThanOrEqual(4);
  });
});
