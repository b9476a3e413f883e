import { ApiCallError } from '@smm/core/errors';
import { createHttpClient } from '@smm/core/http';
import { describe, expect, it } from 'vitest';
import { graphCreate } from './graph-create.js';
import { mapGraphError } from './map-graph-error.js';

function server(answer: { status: number; body: unknown }) {
  const seen: { method: string; path: string; type: string | null; form: Record<string, string> }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    seen.push({
      method: request.method,
      path: url.pathname,
      type: request.headers.get('content-type'),
      form: Object.fromEntries(new URLSearchParams(await request.text())),
    });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { http: createHttpClient({ platform: 'threads', fetch, baseUrl: 'https://graph.threads.net', mapError: mapGraphError }), seen };
}

describe('graphCreate', () => {
  it('posts the parameters as a form and reads the id', async () => {
    // The container call of https://developers.facebook.com/documentation/threads/posts (step 1).
    const { http, seen } = server({ status: 200, body: { id: '1234567' } });
    const params = { media_type: 'TEXT', text: 'Hello, Threads & friends' };
    expect(await graphCreate(http, { path: '/v1.0/me/threads', params, platform: 'threads', what: 'POST /me/threads' })).toEqual({
      id: '1234567',
    });
    expect(seen).toEqual([
      { method: 'POST', path: '/v1.0/me/threads', type: 'application/x-www-form-urlencoded;charset=UTF-8', form: params },
    ]);
  });

  it('sends once and surfaces a refused call as an ApiCallError naming the call', async () => {
    const { http, seen } = server({
      status: 400,
      body: { error: { message: '(#100) Param text must be at most 500 characters long.', type: 'OAuthException', code: 100 } },
    });
    const error = await graphCreate(http, {
      path: '/v1.0/me/threads',
      params: { text: 'x' },
      platform: 'threads',
      what: 'POST /me/threads',
    }).catch((caught: unknown) => caught);
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect((error as ApiCallError).platformCode).toBe(100);
    expect(seen).toHaveLength(1);
  });
});
