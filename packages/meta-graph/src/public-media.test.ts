import { ValidationError } from '@smm/core/errors';
import { describe, expect, it } from 'vitest';
import { publicMediaUrl, type PublicMediaHost } from './public-media.js';

const image = { kind: 'image' as const, mimeType: 'image/jpeg' };

describe('publicMediaUrl', () => {
  it('keeps a URL the draft already gives', async () => {
    expect(
      await publicMediaUrl({ ...image, source: { type: 'url', url: 'https://cdn.example/a.jpg' } }, undefined, {
        network: 'instagram',
        index: 0,
      }),
    ).toBe('https://cdn.example/a.jpg');
  });

  it("asks the app's media host for bytes", async () => {
    const host: PublicMediaHost = { urlFor: async (media) => ({ url: `https://media.example/${media.mimeType.replace('/', '.')}` }) };
    expect(await publicMediaUrl({ ...image, source: { type: 'bytes', base64: 'AAAA' } }, host, { network: 'threads', index: 1 })).toBe(
      'https://media.example/image.jpeg',
    );
  });

  it('refuses bytes without a host at media[i].source, naming the mediaHost setting', async () => {
    const error = await publicMediaUrl({ ...image, source: { type: 'bytes', base64: 'AAAA' } }, undefined, {
      network: 'instagram',
      index: 2,
    }).catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    const issue = (error as ValidationError).issues[0]!;
    expect(issue.path).toEqual(['media', 2, 'source']);
    expect(issue.message).toContain('public URL');
    expect(issue.message).toContain('mediaHost');
  });

  it('refuses a host answer that is not an http(s) URL', async () => {
    const host: PublicMediaHost = { urlFor: async () => ({ url: 'file:///tmp/a.jpg' }) };
    const error = await publicMediaUrl({ ...image, source: { type: 'bytes', base64: 'AAAA' } }, host, {
      network: 'instagram',
      index: 0,
    }).catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
  });
});
