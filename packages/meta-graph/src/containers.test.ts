import { ApiCallError } from '@smm/core/errors';
import { createHttpClient } from '@smm/core/http';
import { describe, expect, it } from 'vitest';
import { containerProgress, publishContainer, readContainerStatus } from './containers.js';

function server(answer: (url: URL, method: string) => unknown) {
  const seen: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    seen.push(`${request.method} ${url.pathname}${url.search}`);
    return new Response(JSON.stringify(answer(url, request.method)), { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { http: createHttpClient({ platform: 'meta', fetch, baseUrl: 'https://graph.example' }), seen };
}

describe('readContainerStatus', () => {
  it('asks Instagram for status_code,status and reads the error reason from status', async () => {
    const { http, seen } = server(() => ({ status_code: 'ERROR', status: 'Error: Media download has failed.', id: '1789' }));
    expect(await readContainerStatus(http, { network: 'instagram', containerId: '1789', version: 'v26.0' })).toEqual({
      status: 'ERROR',
      errorMessage: 'Error: Media download has failed.',
    });
    expect(seen).toEqual(['GET /v26.0/1789?fields=status_code%2Cstatus']);
  });

  it('asks Threads for status,error_message', async () => {
    // The error example of https://developers.facebook.com/docs/threads/troubleshooting.
    const { http, seen } = server(() => ({ status: 'ERROR', id: '17889615691921648', error_message: 'FAILED_DOWNLOADING_VIDEO' }));
    expect(await readContainerStatus(http, { network: 'threads', containerId: '17889615691921648', version: 'v1.0' })).toEqual({
      status: 'ERROR',
      errorMessage: 'FAILED_DOWNLOADING_VIDEO',
    });
    expect(seen).toEqual(['GET /v1.0/17889615691921648?fields=status%2Cerror_message']);
  });
});

describe('containerProgress', () => {
  const context = { network: 'instagram' as const, containerId: '1789' };
  it('answers processing, ready or published', () => {
    expect(containerProgress({ status: 'IN_PROGRESS' }, context)).toEqual({
      kind: 'processing',
      progress: { stage: 'IN_PROGRESS' },
      pollAfterMs: 60_000,
    });
    expect(containerProgress({ status: 'FINISHED' }, context)).toEqual({ kind: 'ready' });
    expect(containerProgress({ status: 'PUBLISHED' }, context)).toEqual({ kind: 'published' });
  });

  it("fails for good on ERROR with Meta's reason, and on EXPIRED saying the draft must be published again", () => {
    const failure = (status: 'ERROR' | 'EXPIRED', errorMessage?: string) => {
      try {
        containerProgress({ status, ...(errorMessage ? { errorMessage } : {}) }, context);
      } catch (error) {
        return error as ApiCallError;
      }
      throw new Error('no failure');
    };
    const error = failure('ERROR', 'FAILED_DOWNLOADING_VIDEO');
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
    expect(error.platformCode).toBe('ERROR');
    expect(error.message).toContain('FAILED_DOWNLOADING_VIDEO');
    const expired = failure('EXPIRED');
    expect(expired.platformCode).toBe('EXPIRED');
    expect(expired.isRetryable).toBe(false);
    expect(expired.message).toContain('24 hours');
    expect(expired.message).toContain('Publish the draft again');
  });
});

describe('publishContainer', () => {
  it('posts creation_id and reads the media id', async () => {
    const { http, seen } = server(() => ({ id: '17920238422030506' }));
    expect(await publishContainer(http, { path: '/v26.0/178414/media_publish', creationId: '1789', platform: 'instagram' })).toEqual({
      id: '17920238422030506',
    });
    expect(seen).toEqual(['POST /v26.0/178414/media_publish?creation_id=1789']);
  });
});
