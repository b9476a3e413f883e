import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import type { SimRequest } from '../simulator/index.js';
import { graphFaultResponses } from './index.js';

const request = (method: string, path: string): SimRequest => ({
  method,
  path,
  query: {},
  headers: {},
  body: undefined,
  bodySize: 0,
  at: '',
  params: {},
  searchParams: new URLSearchParams(),
  origin: 'http://127.0.0.1:1',
  bytes: new Uint8Array(),
});
const errorOf = async (response: Response) => ((await response.json()) as { error: Record<string, unknown> }).error;

describe('graphFaultResponses', () => {
  const clock = createFakeClock({ now: 0 });

  // https://developers.facebook.com/docs/graph-api/guides/error-handling — code 2, "temporary issue due to downtime".
  it('answers an injected 5xx as a transient code 2', async () => {
    const response = graphFaultResponses({ clock }).serverError(request('GET', '/v25.0/me'), 503);
    expect(response.status).toBe(503);
    expect(await errorOf(response)).toMatchObject({
      code: 2,
      is_transient: true,
      message: 'An unexpected error has occurred. Please retry your request later.',
    });
  });

  it('answers a platform-limit storm with code 17 when told, and X-App-Usage at 100 %', async () => {
    const response = graphFaultResponses({ clock, usage: { kind: 'platform', code: 17 } }).rateLimited(request('GET', '/v25.0/me'), 60_000);
    expect(await errorOf(response)).toMatchObject({ code: 17, message: '(#17) User request limit reached' });
    expect(JSON.parse(response.headers.get('x-app-usage')!)).toEqual({ call_count: 100, total_cputime: 100, total_time: 100 });
  });

  // Bodies reported from Graph: "Unknown path components: /me/feed" (code 2500) for a path it cannot route.
  it('answers unknown paths as Graph does: 2500 for extra path components, 100/33 for a lone unknown id', async () => {
    const faults = graphFaultResponses({ clock });
    expect(await errorOf(faults.notFound(request('GET', '/v25.0/1234/nonsense')))).toMatchObject({
      code: 2500,
      message: 'Unknown path components: /nonsense',
    });
    expect(await errorOf(faults.notFound(request('GET', '/3.0/me/feed')))).toMatchObject({
      code: 2500,
      message: 'Unknown path components: /me/feed',
    });
    expect(await errorOf(faults.notFound(request('DELETE', '/v25.0/999')))).toMatchObject({
      code: 100,
      error_subcode: 33,
      type: 'GraphMethodException',
    });
  });
});
