import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createPinterestSimulator } from './pinterest-simulator.js';

// Expected answers written out from Pinterest's OpenAPI document (v5.23.0, PinCreate and
// PinMediaSource*: title ≤ 100, description ≤ 800, alt_text ≤ 500, board_id digits, carousels of
// 2–5 items, content_type image/jpeg|image/png) and its error body `{ code, message }`.
const setup = (options: Parameters<typeof createPinterestSimulator>[0] = {}) => {
  const sim = createPinterestSimulator({ clock: createFakeClock({ now: '2026-01-05T09:00:00.000Z' }), seed: 1, ...options });
  const board = sim.boards()[0]!.id;
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    sim.fetch(`${sim.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${sim.credentials.accessToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  return { sim, board, send };
};
const image = { source_type: 'image_url', url: 'https://example.com/a.png' };

describe('Pinterest simulator: off-spec requests', () => {
  it('refuses a title of 101 characters and takes one of 100', async () => {
    const { send, board } = setup();
    const refused = await send('POST', '/v5/pins', { board_id: board, title: 'x'.repeat(101), media_source: image });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { code: number; message: string };
    expect(body.code).toBe(1);
    expect(body.message).toContain('title');
    expect((await send('POST', '/v5/pins', { board_id: board, title: 'x'.repeat(100), media_source: image })).status).toBe(201);
  });

  it('refuses a description of 801 characters and takes 800', async () => {
    const { send, board } = setup();
    expect((await send('POST', '/v5/pins', { board_id: board, description: 'd'.repeat(801), media_source: image })).status).toBe(400);
    expect((await send('POST', '/v5/pins', { board_id: board, description: 'd'.repeat(800), media_source: image })).status).toBe(201);
  });

  it('refuses alt text over 500 characters', async () => {
    const { send, board } = setup();
    expect((await send('POST', '/v5/pins', { board_id: board, alt_text: 'a'.repeat(501), media_source: image })).status).toBe(400);
  });

  it('refuses a carousel of 1 or 6 images and takes 2 and 5', async () => {
    const { send, board } = setup();
    const carousel = (n: number) => ({
      source_type: 'multiple_image_urls',
      items: Array.from({ length: n }, (_, i) => ({ url: `https://example.com/${i}.png` })),
    });
    expect((await send('POST', '/v5/pins', { board_id: board, media_source: carousel(1) })).status).toBe(400);
    expect((await send('POST', '/v5/pins', { board_id: board, media_source: carousel(6) })).status).toBe(400);
    expect((await send('POST', '/v5/pins', { board_id: board, media_source: carousel(2) })).status).toBe(201);
    expect((await send('POST', '/v5/pins', { board_id: board, media_source: carousel(5) })).status).toBe(201);
  });

  it('refuses a base64 image of type image/gif', async () => {
    const { send, board } = setup();
    const source = { source_type: 'image_base64', content_type: 'image/gif', data: 'R0lGODlh' };
    expect((await send('POST', '/v5/pins', { board_id: board, media_source: source })).status).toBe(400);
  });

  it('refuses an unknown source_type, a board id that is not digits, and a field the document lacks', async () => {
    const { send, board } = setup();
    expect((await send('POST', '/v5/pins', { board_id: board, media_source: { source_type: 'gif_url', url: 'x' } })).status).toBe(400);
    expect((await send('POST', '/v5/pins', { board_id: 'my-board', media_source: image })).status).toBe(400);
  });

  it('refuses a pin without a board, and one on a board that is not the account’s (404)', async () => {
    const { send } = setup();
    expect((await send('POST', '/v5/pins', { media_source: image })).status).toBe(400);
    const missing = await send('POST', '/v5/pins', { board_id: '1', media_source: image });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 40, message: 'Board not found.' });
  });

  it('refuses page_size 251 and takes 250 (the document allows 1..250)', async () => {
    const { send } = setup();
    expect((await send('GET', '/v5/boards?page_size=251')).status).toBe(400);
    expect((await send('GET', '/v5/boards?page_size=250')).status).toBe(200);
  });

  it('refuses pin analytics without metric_types or with an unknown one, and a start date over 90 days back', async () => {
    const { send, board } = setup();
    const pin = (await (await send('POST', '/v5/pins', { board_id: board, media_source: image })).json()) as { id: string };
    const base = `/v5/pins/${pin.id}/analytics?start_date=2026-01-01&end_date=2026-01-05`;
    expect((await send('GET', base)).status).toBe(400);
    expect((await send('GET', `${base}&metric_types=LIKES`)).status).toBe(400);
    expect((await send('GET', `${base}&metric_types=IMPRESSION,SAVE,PIN_CLICK,OUTBOUND_CLICK,VIDEO_MRC_VIEW`)).status).toBe(200);
    // 2026-01-05 minus 91 days is 2025-10-06.
    expect(
      (await send('GET', `/v5/pins/${pin.id}/analytics?start_date=2025-10-06&end_date=2026-01-05&metric_types=IMPRESSION`)).status,
    ).toBe(400);
    expect(
      (await send('GET', `/v5/pins/${pin.id}/analytics?start_date=2025-10-07&end_date=2026-01-05&metric_types=IMPRESSION`)).status,
    ).toBe(200);
  });

  it('answers a request without a valid token 401 { code: 2 }', async () => {
    const { send } = setup();
    const answer = await send('GET', '/v5/user_account', undefined, { authorization: 'Bearer nope' });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ code: 2, message: 'Authentication failed.' });
  });

  it('refuses pins from a trial app in production with code 29, and takes them on the sandbox', async () => {
    const production = setup({ access: 'trial' });
    const refused = await production.send('POST', '/v5/pins', { board_id: production.board, media_source: image });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: number }).code).toBe(29);
    const sandbox = setup({ access: 'trial', host: 'sandbox' });
    expect(sandbox.sim.baseUrl).toBe('https://api-sandbox.pinterest.com');
    expect((await sandbox.send('POST', '/v5/pins', { board_id: sandbox.board, media_source: image })).status).toBe(201);
  });

  it('refuses a video pin without a cover, and one whose media is not processed yet', async () => {
    const { sim, send, board } = setup();
    const registered = (await (await send('POST', '/v5/media', { media_type: 'video' })).json()) as {
      media_id: string;
      upload_url: string;
      upload_parameters: Record<string, string>;
    };
    const early = await send('POST', '/v5/pins', {
      board_id: board,
      media_source: { source_type: 'video_id', media_id: registered.media_id, cover_image_key_frame_time: 0 },
    });
    expect(early.status).toBe(400);
    const form = new FormData();
    for (const [name, value] of Object.entries(registered.upload_parameters)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(32)], { type: 'video/mp4' }), 'clip.mp4');
    expect((await sim.fetch(registered.upload_url, { method: 'POST', body: form })).status).toBe(204);
    expect(sim.media()[0]).toMatchObject({ status: 'processing', bytes: 32 });
  });
});
