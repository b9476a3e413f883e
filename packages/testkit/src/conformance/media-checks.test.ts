import { describe, expect, it } from 'vitest';
import type { Adapter } from '@smm/core/adapter-kit';
import { ValidationError } from '@smm/core/errors';
import type { FakeClock } from '../clock/index.js';
import { createAdapterTestEnv, settle } from '../adapter-test-env/index.js';
import { createMastodonSimulator } from '../mastodon/index.js';
import { generatedBytes, pngFile } from '../media-files/index.js';
import { createReferenceMastodonAdapter } from './__tests__/reference-mastodon-adapter.js';
import { runConformanceChecks } from './index.js';

const simulator = (clock: FakeClock) => createMastodonSimulator({ clock, seed: 21 });

/** The reference Mastodon adapter, declaring stricter image rules (a network that needs alt text and a 4:5–1.91:1 image under 1 MB). */
function strictAdapter(baseUrl: string): Adapter {
  const adapter = createReferenceMastodonAdapter({ baseUrl });
  const media = adapter.capabilities.content.media;
  return {
    ...adapter,
    capabilities: {
      ...adapter.capabilities,
      content: {
        ...adapter.capabilities.content,
        media: {
          ...media,
          requireAltText: true,
          maxSizeBytes: { ...media.maxSizeBytes, image: 1_000_000 },
          files: { image: { minAspectRatio: 0.8, maxAspectRatio: 1.91 } },
        },
      },
    },
  };
}

describe('media checks', () => {
  it('an adapter declaring size, aspect-ratio and alt-text rules passes the pre-check', async () => {
    const results = await runConformanceChecks({ name: 'strict media', simulator, createAdapter: (sim) => strictAdapter(sim.baseUrl) });
    const preCheck = results.find((result) => result.name.startsWith('media pre-checks'));
    expect(preCheck).toMatchObject({ status: 'passed' });
    expect(results.find((result) => result.name.startsWith('streamed media: an image'))).toMatchObject({ status: 'passed' });
  });

  it('a too-large image with a wrong aspect ratio and no alt text gets one ValidationError listing all three, and no request', async () => {
    const env = createAdapterTestEnv({ simulator, createAdapter: (sim) => strictAdapter(sim.baseUrl) });
    // 2000×500 is aspect 4 (allowed 0.8–1.91); 1.5 MB (allowed 1 MB); no alt text (required).
    const png = pngFile(2000, 500);
    const sizeBytes = 1_500_000;
    const before = env.sim.requests.length;
    const outcome = await settle(
      env.client.publish(env.account, {
        text: 'three problems',
        media: [
          {
            kind: 'image',
            mimeType: 'image/png',
            source: { type: 'stream', stream: generatedBytes({ totalBytes: sizeBytes, prefix: png }), sizeBytes },
          },
        ],
      }),
    );
    expect(outcome.ok).toBe(false);
    const error = outcome.ok ? undefined : outcome.error;
    expect(ValidationError.isInstance(error)).toBe(true);
    const issues = (error as ValidationError).issues.map((issue) => [issue.path.join('.'), issue.code]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['media.0.sizeBytes', 'media_too_large'],
        ['media.0.aspectRatio', 'media_aspect_ratio'],
        ['media.0.altText', 'missing_alt_text'],
      ]),
    );
    expect(issues).toHaveLength(3);
    expect(env.sim.requests.length).toBe(before);
  });

  it('a missing file is listed with the draft’s other problems, before any request', async () => {
    const env = createAdapterTestEnv({ simulator, createAdapter: (sim) => strictAdapter(sim.baseUrl) });
    const before = env.sim.requests.length;
    const outcome = await settle(
      env.client.publish(env.account, {
        text: 'missing',
        media: [{ kind: 'image', mimeType: 'image/png', source: { type: 'file', path: '/nonexistent/smm/photo.png' } }],
      }),
    );
    const codes = outcome.ok ? [] : (outcome.error as ValidationError).issues.map((issue) => issue.code);
    expect(codes).toEqual(['file_not_found', 'missing_alt_text']);
    expect(env.sim.requests.length).toBe(before);
  });
});
