import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG_BASE64, settle, testEnv } from './__tests__/test-env.js';

const BOARD = '549755885175';
const url = (n: number) => ({
  kind: 'image' as const,
  source: { type: 'url' as const, url: `https://cdn.example.com/${n}.jpg` },
  mimeType: 'image/jpeg',
});
const png = {
  kind: 'image' as const,
  source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  altText: 'A pixel',
};

describe('publishing a pin', () => {
  it('sends POST /v5/pins with board, section, title, description, link and alt text, and an image_url source', async () => {
    const { sim, client, account } = testEnv();
    const section = sim.boards()[0]!.sections[1]!.id;
    const { published } = await client.publish(account, {
      text: 'Our spring salad',
      link: 'https://example.com/salad',
      media: [{ ...url(1), altText: 'A green salad' }],
      networkOptions: { pinterest: { boardId: BOARD, boardSectionId: section, title: 'Spring salad' } },
    });
    const request = sim.requests.find((entry) => entry.method === 'POST' && entry.path === '/v5/pins')!;
    expect(request.body).toEqual({
      board_id: BOARD,
      board_section_id: section,
      title: 'Spring salad',
      description: 'Our spring salad',
      link: 'https://example.com/salad',
      alt_text: 'A green salad',
      media_source: { source_type: 'image_url', url: 'https://cdn.example.com/1.jpg' },
    });
    expect(published.parts[0]!.url).toBe(`https://www.pinterest.com/pin/${published.parts[0]!.id}/`);
  });

  it('sends bytes as image_base64 with the content type', async () => {
    const { sim, client, account } = testEnv();
    await client.publish(account, { text: 'pixel', media: [png], networkOptions: { pinterest: { boardId: BOARD } } });
    const body = sim.requests.find((entry) => entry.path === '/v5/pins')!.body as { media_source: unknown };
    expect(body.media_source).toEqual({ source_type: 'image_base64', content_type: 'image/png', data: ONE_PIXEL_PNG_BASE64 });
  });

  it('sends 2–5 images as a carousel (multiple_image_urls), and refuses 6 before any request', async () => {
    const { sim, client, account } = testEnv();
    await client.publish(account, { text: 'carousel', media: [url(1), url(2), url(3)], networkOptions: { pinterest: { boardId: BOARD } } });
    const body = sim.requests.find((entry) => entry.path === '/v5/pins')!.body as { media_source: unknown };
    expect(body.media_source).toEqual({
      source_type: 'multiple_image_urls',
      items: [{ url: 'https://cdn.example.com/1.jpg' }, { url: 'https://cdn.example.com/2.jpg' }, { url: 'https://cdn.example.com/3.jpg' }],
    });
    const from = sim.requests.length;
    const six = await settle(
      client.publish(account, { text: 'six', media: [1, 2, 3, 4, 5, 6].map(url), networkOptions: { pinterest: { boardId: BOARD } } }),
    );
    expect(six.ok).toBe(false);
    expect(sim.requests.length).toBe(from);
  });

  it('refuses a draft without a board, naming networkOptions.pinterest.boardId, before any request', async () => {
    const { sim, client, account } = testEnv();
    const outcome = await settle(client.publish(account, { text: 'no board', media: [url(1)] }));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: unknown }).error;
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues[0]!.path).toEqual(['networkOptions', 'pinterest', 'boardId']);
    expect(sim.requests).toHaveLength(0);
  });

  it('refuses a GIF given as bytes (Pinterest takes image/jpeg or image/png) before any request', async () => {
    const { sim, client, account } = testEnv();
    const gif = { kind: 'image' as const, source: { type: 'bytes' as const, base64: 'R0lGODlhAQABAAAAACw=' }, mimeType: 'image/gif' };
    const outcome = await settle(client.publish(account, { text: 'gif', media: [gif], networkOptions: { pinterest: { boardId: BOARD } } }));
    expect(outcome.ok).toBe(false);
    expect(sim.requests.filter((entry) => entry.method === 'POST')).toHaveLength(0);
  });

  it('publishes a video pin: register, upload to upload_url without the token, wait for processing, pin with the cover', async () => {
    const { sim, client, account, requests } = testEnv();
    const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: 'AAAAGGZ0eXA=' }, mimeType: 'video/mp4' };
    const { published } = await client.publish(account, {
      text: 'A clip',
      media: [video],
      networkOptions: { pinterest: { boardId: BOARD, coverImageUrl: 'https://cdn.example.com/cover.jpg' } },
    });
    const mediaId = sim.media()[0]!.mediaId;
    expect(requests().filter((line) => !line.startsWith('GET /v5/pins'))).toEqual([
      'POST /v5/media',
      ...requests().filter((line) => line === `GET /v5/media/${mediaId}`),
      'POST /v5/pins',
    ]);
    expect(sim.uploadHost.requests).toHaveLength(1);
    const upload = sim.uploadHost.requests[0]!;
    expect(upload.headers.authorization).toBeUndefined();
    const pin = sim.requests.find((entry) => entry.method === 'POST' && entry.path === '/v5/pins')!.body as { media_source: unknown };
    expect(pin.media_source).toEqual({ source_type: 'video_id', media_id: mediaId, cover_image_url: 'https://cdn.example.com/cover.jpg' });
    expect(
      sim
        .posts()
        .filter((post) => !post.deleted)
        .map((post) => post.id),
    ).toEqual([published.parts[0]!.id]);
  });

  it('with trial access talks to the API Sandbox by default', async () => {
    const { sim, client, account } = testEnv({
      simulator: { access: 'trial', host: 'sandbox' },
      settings: { baseUrl: undefined, access: 'trial' },
    });
    expect(sim.baseUrl).toBe('https://api-sandbox.pinterest.com');
    await client.publish(account, { text: 'sandbox pin', media: [url(1)], networkOptions: { pinterest: { boardId: BOARD } } });
    expect(sim.posts()).toHaveLength(1);
  });
});
