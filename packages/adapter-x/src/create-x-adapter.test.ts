import { describe, expect, it } from 'vitest';
import { xOpenApi } from '@smm/testkit/x';
import { ONE_PIXEL_PNG_BASE64, testEnv } from './__tests__/test-env.js';

describe('the X adapter, held to X OpenAPI', () => {
  it('sends only requests the document allows across publish, thread, media, poll, reply, mentions, metrics, lookup and delete', async () => {
    const env = testEnv({ simulator: { mentionBacklog: 7 } });
    const image = {
      kind: 'image' as const,
      source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 },
      mimeType: 'image/png',
      altText: 'a pixel',
    };
    const video = {
      kind: 'video' as const,
      source: { type: 'bytes' as const, base64: Buffer.alloc(3_000, 1).toString('base64') },
      mimeType: 'video/mp4',
    };
    const { published } = await env.client.publish(env.account, { text: 'root', thread: [{ text: 'part two', media: [image] }] });
    await env.client.publish(env.account, { text: 'a clip', media: [video] });
    await env.client.publish(env.account, { text: 'Tea or coffee?' }, { poll: { options: ['Tea', 'Coffee'], durationMs: 60 * 60_000 } });
    await env.client.reply(env.account, published.parts[0]!, { text: 'an answer' });
    await env.client.listMentions(env.account, { limit: 5 });
    await env.client.getPostMetrics(env.account, published.parts[0]!);
    await env.client.getAccountMetrics(env.account);
    await env.client.getPost(env.account, published.parts[1]!);
    await env.client.findPublished(env.account, { idempotencyKey: 'k', draft: { text: 'root', thread: [{ text: 'part two' }] } });
    await env.client.delete(env.account, published.parts[1]!);

    const operations = new Set<string>();
    const violations = env.sim.requests.flatMap((request) => {
      const operation = xOpenApi().operationFor(request.method, request.path);
      if (!operation) return [`${request.method} ${request.path} is not an operation of X's OpenAPI`];
      operations.add(`${request.method} ${operation.template}`);
      return xOpenApi()
        .checkRequest({
          method: request.method,
          template: operation.template,
          params: operation.params,
          query: request.query,
          contentType: request.headers['content-type'],
          body: request.body,
          bodySize: request.bodySize,
        })
        .map((violation) => `${request.method} ${request.path}: ${violation.message}`);
    });
    expect(violations).toEqual([]);
    // Every operation the adapter uses was exercised (the document's names, written out by hand).
    expect([...operations].sort()).toEqual(
      [
        'POST /2/tweets',
        'DELETE /2/tweets/{id}',
        'GET /2/tweets/{id}',
        'GET /2/users/{id}',
        'GET /2/users/{id}/mentions',
        'GET /2/users/{id}/tweets',
        'POST /2/media/upload/initialize',
        'POST /2/media/upload/{id}/append',
        'POST /2/media/upload/{id}/finalize',
        'GET /2/media/upload',
        'POST /2/media/metadata',
      ].sort(),
    );
  }, 30_000);
});
