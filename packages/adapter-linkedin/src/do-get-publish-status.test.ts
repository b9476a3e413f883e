import { ApiCallError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { mp4Video, settle, testEnv } from './__tests__/test-env.js';

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const document = {
  kind: 'document' as const,
  source: { type: 'bytes' as const, base64: Buffer.from(pdf).toString('base64') },
  mimeType: 'application/pdf',
};

describe('pending publishes (video, document processing)', () => {
  it('uploads a document, stays pending while LinkedIn processes it, then posts it with its title', async () => {
    const { sim, client, account, clock } = testEnv();
    const result = await client.publish(
      account,
      { text: 'the deck', media: [document], networkOptions: { linkedin: { documentTitle: 'Q3 deck' } } },
      { wait: false },
    );
    expect(result.pending?.progress).toEqual({ stage: 'PROCESSING', percent: 0 });
    expect(sim.requests.map((request) => `${request.method} ${request.path}`).slice(0, 2)).toEqual([
      'POST /rest/documents',
      expect.stringMatching(/^PUT \/dms-uploads\/document\//),
    ]);
    await clock.advance(1_500);
    const published = await client.awaitPublish(result.pending!);
    const post = sim.posts().find((entry) => entry.text === 'the deck')!;
    expect(published.parts[0]!.id).toBe(post.id);
    expect(sim.requests.at(-1)!.body).toMatchObject({ content: { media: { id: post.mediaIds[0], title: 'Q3 deck' } } });
  });

  it('ends the publish with a non-retryable ApiCallError when LinkedIn fails to process the video', async () => {
    const { client, account, clock } = testEnv({ simulator: { failVideoProcessing: true } });
    const video = await mp4Video(4_000, 90);
    const result = await client.publish(account, { text: 'broken clip', media: [video.media] }, { wait: false });
    await clock.advance(3_000);
    const outcome = await settle(client.awaitPublish(result.pending!));
    expect(!outcome.ok && ApiCallError.isInstance(outcome.error) && outcome.error.isRetryable).toBe(false);
    expect(outcome.ok ? '' : String((outcome.error as Error).message)).toContain('PROCESSING_FAILED');
  });
});
