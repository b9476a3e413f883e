import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createPinterestSimulator } from './pinterest-simulator.js';
import { pinterestOpenApiVersion } from './pinterest-openapi.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('Pinterest simulator', () => {
  it('is held to Pinterest OpenAPI 5.23.0', () => {
    expect(pinterestOpenApiVersion()).toBe('5.23.0');
  });

  it('pages boards with bookmark: page_size items, then a bookmark, then null at the end', async () => {
    const sim = createPinterestSimulator({ clock: createFakeClock(), boards: 5 });
    const first = (await (
      await sim.fetch(`${sim.baseUrl}/v5/boards?page_size=2`, { headers: auth(sim.credentials.accessToken) })
    ).json()) as {
      items: Array<{ id: string }>;
      bookmark: string | null;
    };
    expect(first.items.map((board) => board.id)).toEqual(
      sim
        .boards()
        .slice(0, 2)
        .map((board) => board.id),
    );
    const second = (await (
      await sim.fetch(`${sim.baseUrl}/v5/boards?page_size=4&bookmark=${first.bookmark!}`, { headers: auth(sim.credentials.accessToken) })
    ).json()) as { items: Array<{ id: string }>; bookmark: string | null };
    expect(second.items.map((board) => board.id)).toEqual(
      sim
        .boards()
        .slice(2)
        .map((board) => board.id),
    );
    expect(second.bookmark).toBeNull();
  });

  it('replaces the refresh token on every refresh (continuous refresh) and refuses the old one', async () => {
    const sim = createPinterestSimulator({ clock: createFakeClock() });
    const basic = `Basic ${btoa(`${sim.credentials.clientId}:${sim.credentials.clientSecret}`)}`;
    const refresh = (token: string) =>
      sim.fetch(`${sim.baseUrl}/v5/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token }),
      });
    const answer = await refresh(sim.credentials.refreshToken);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { access_token: string; refresh_token: string; response_type: string };
    expect(body.response_type).toBe('refresh_token');
    expect(body.refresh_token).not.toBe(sim.credentials.refreshToken);
    expect((await refresh(sim.credentials.refreshToken)).status).toBe(400);
    expect((await sim.fetch(`${sim.baseUrl}/v5/user_account`, { headers: auth(body.access_token) })).status).toBe(200);
  });

  it('serves both hosts on loopback: upload_url points at the local upload host', async () => {
    const sim = createPinterestSimulator({ clock: createFakeClock({ autoAdvance: true }) });
    const server = await sim.listen({ port: 0, host: '127.0.0.1' });
    try {
      const registered = (await (
        await fetch(`${server.url}/v5/media`, {
          method: 'POST',
          headers: { ...auth(sim.credentials.accessToken), 'content-type': 'application/json' },
          body: JSON.stringify({ media_type: 'video' }),
        })
      ).json()) as { upload_url: string; upload_parameters: Record<string, string> };
      expect(registered.upload_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const form = new FormData();
      for (const [name, value] of Object.entries(registered.upload_parameters)) form.append(name, value);
      form.append('file', new Blob([new Uint8Array(16)], { type: 'video/mp4' }), 'clip.mp4');
      expect((await fetch(registered.upload_url, { method: 'POST', body: form })).status).toBe(204);
      expect(sim.media()[0]!.bytes).toBe(16);
    } finally {
      await server.close();
    }
  });

  it('refuses an upload whose signed fields were changed, and one carrying a bearer token', async () => {
    const sim = createPinterestSimulator({ clock: createFakeClock() });
    const registered = (await (
      await sim.fetch(`${sim.baseUrl}/v5/media`, {
        method: 'POST',
        headers: { ...auth(sim.credentials.accessToken), 'content-type': 'application/json' },
        body: JSON.stringify({ media_type: 'video' }),
      })
    ).json()) as { upload_url: string; upload_parameters: Record<string, string> };
    const form = (change: Record<string, string>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries({ ...registered.upload_parameters, ...change })) data.append(name, value);
      data.append('file', new Blob([new Uint8Array(4)]), 'clip.mp4');
      return data;
    };
    const tampered = await sim.fetch(registered.upload_url, { method: 'POST', body: form({ policy: 'forged' }) });
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>AccessDenied</Code>');
    const withToken = await sim.fetch(registered.upload_url, {
      method: 'POST',
      body: form({}),
      headers: auth(sim.credentials.accessToken),
    });
    expect(withToken.status).toBe(400);
    expect(sim.media()[0]!.status).toBe('registered');
  });
});
