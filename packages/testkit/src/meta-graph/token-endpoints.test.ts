import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createSimulatorEngine, json } from '../simulator/index.js';
import { GRAPH_SIM_APP, createGraphTokenEndpoints, graphFaultResponses, type GraphTokenKind } from './index.js';

const DAY = 86_400_000;

function setup(kind: GraphTokenKind) {
  const clock = createFakeClock({ now: '2026-12-01T00:00:00Z' });
  const auth = createGraphTokenEndpoints({ kind, clock, subject: '10001', scopes: ['basic'] });
  // A protected route, as a network simulator would write it.
  const me = {
    method: 'GET' as const,
    path: '/:version/me',
    handle: (request: Parameters<typeof auth.tokens.authenticate>[0]) => {
      const who = auth.tokens.authenticate(request);
      return who.ok ? json(200, { id: who.record.subject }) : who.response;
    },
  };
  const feed = { ...me, path: '/:version/:id/feed' };
  const engine = createSimulatorEngine({
    platform: kind,
    baseUrl: 'https://graph.example',
    clock,
    routes: [...auth.routes, me, feed],
    faultResponses: graphFaultResponses({ clock }),
  });
  const get = (path: string) => engine.fetch(`https://graph.example${path}`);
  const form = (path: string, body: Record<string, string>) =>
    engine.fetch(`https://graph.example${path}`, { method: 'POST', body: new URLSearchParams(body) });
  // The code exchange form Instagram and Threads document (client id and secret, grant, redirect, code).
  const exchangeCode = (code: string, path = '/oauth/access_token') =>
    form(path, {
      client_id: GRAPH_SIM_APP.id,
      client_secret: GRAPH_SIM_APP.secret,
      grant_type: 'authorization_code',
      redirect_uri: 'https://app.example/cb',
      code,
    });
  return { clock, auth, get, form, exchangeCode };
}

const errorOf = async (response: Response) => ((await response.json()) as { error: Record<string, unknown> }).error;

describe('Facebook token endpoints', () => {
  // https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow ·
  // https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived
  it('runs the dialog, the code exchange and fb_exchange_token; the long-lived token lasts 60 days', async () => {
    const { get, clock } = setup('facebook');
    const redirect = 'http://127.0.0.1:7000/callback';
    const dialog = await get(
      `/v25.0/dialog/oauth?client_id=${GRAPH_SIM_APP.id}&redirect_uri=${encodeURIComponent(redirect)}&state=s1&scope=pages_manage_posts`,
    );
    expect(dialog.status).toBe(302);
    const back = new URL(dialog.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('s1');
    const code = back.searchParams.get('code')!;
    const exchange = `/v25.0/oauth/access_token?client_id=${GRAPH_SIM_APP.id}&client_secret=${GRAPH_SIM_APP.secret}&redirect_uri=${encodeURIComponent(redirect)}&code=${code}`;
    const short = (await (await get(exchange)).json()) as { access_token: string; token_type: string; expires_in: number };
    expect(short.token_type).toBe('bearer');
    expect(short.expires_in).toBe(3600);
    // A code works once.
    expect(await errorOf(await get(exchange))).toMatchObject({
      code: 100,
      error_subcode: 36009,
      message: 'This authorization code has been used.',
    });
    const long = (await (
      await get(
        `/v25.0/oauth/access_token?grant_type=fb_exchange_token&client_id=${GRAPH_SIM_APP.id}&client_secret=${GRAPH_SIM_APP.secret}&fb_exchange_token=${short.access_token}`,
      )
    ).json()) as { access_token: string; expires_in: number };
    expect(long.expires_in).toBe(60 * 86_400);
    expect(await (await get(`/v25.0/me?access_token=${long.access_token}`)).json()).toEqual({ id: '10001' });
    await clock.advance(60 * DAY);
    const expired = await get(`/v25.0/me?access_token=${long.access_token}`);
    expect(expired.status).toBe(400);
    const error = await errorOf(expired);
    expect(error).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
    expect(error.message).toMatch(
      /^Error validating access token: Session has expired on \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[SD]T\. The current time is /,
    );
  });

  it('takes the code exchange as a POST form too (what RFC 6749 clients send), answering token_type', async () => {
    const { exchangeCode, auth } = setup('facebook');
    const code = auth.issueCode('https://app.example/cb', ['pages_show_list']);
    const response = await exchangeCode(code, '/v25.0/oauth/access_token');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
  });

  it('refuses a wrong secret, a missing token and an unknown token the way Graph does', async () => {
    const { get } = setup('facebook');
    expect(
      await errorOf(await get(`/v25.0/oauth/access_token?client_id=${GRAPH_SIM_APP.id}&client_secret=nope&redirect_uri=x&code=y`)),
    ).toMatchObject({
      code: 1,
      message: 'Error validating client secret.',
    });
    expect(await errorOf(await get('/v25.0/me'))).toMatchObject({
      code: 2500,
      message: 'An active access token must be used to query information about the current user.',
    });
    expect(await errorOf(await get('/v25.0/123/feed'))).toMatchObject({
      code: 104,
      message: 'An access token is required to request this resource.',
    });
    expect(await errorOf(await get('/v25.0/me?access_token=garbage'))).toMatchObject({
      code: 190,
      message: 'Invalid OAuth access token - Cannot parse access token',
    });
  });
});

describe('Instagram and Threads token endpoints', () => {
  // https://developers.facebook.com/docs/instagram-platform/reference/access_token ·
  // https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
  it('Instagram: code → { data: [{ access_token, user_id, permissions }] }, ig_exchange_token, ig_refresh_token only after 24 h', async () => {
    const { get, exchangeCode, auth, clock } = setup('instagram');
    const code = auth.issueCode('https://app.example/cb', ['instagram_business_basic', 'instagram_business_content_publish']);
    const exchanged = (await (await exchangeCode(`${code}#_`)).json()) as {
      data: Array<{ access_token: string; user_id: string; permissions: string }>;
    };
    expect(exchanged.data[0]).toMatchObject({
      user_id: '10001',
      permissions: 'instagram_business_basic,instagram_business_content_publish',
    });
    const long = (await (
      await get(
        `/access_token?grant_type=ig_exchange_token&client_secret=${GRAPH_SIM_APP.secret}&access_token=${exchanged.data[0]!.access_token}`,
      )
    ).json()) as { access_token: string; token_type: string; expires_in: number };
    expect(long).toMatchObject({ token_type: 'bearer', expires_in: 5_184_000 });
    const early = await get(`/refresh_access_token?grant_type=ig_refresh_token&access_token=${long.access_token}`);
    expect(early.status).toBe(400);
    await clock.advance(DAY);
    const refreshed = (await (await get(`/refresh_access_token?grant_type=ig_refresh_token&access_token=${long.access_token}`)).json()) as {
      expires_in: number;
    };
    expect(refreshed.expires_in).toBe(5_184_000);
    // A used code answers Instagram's flat error object.
    const again = await exchangeCode(code);
    expect(await again.json()).toEqual({
      error_type: 'OAuthException',
      code: 400,
      error_message: 'Matching code was not found or was already used',
    });
  });

  // https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/
  it('Threads: code → { access_token, user_id }; th_exchange_token; an expired long-lived token cannot be refreshed (190/463)', async () => {
    const { get, exchangeCode, auth, clock } = setup('threads');
    const code = auth.issueCode('https://app.example/cb');
    const short = (await (await exchangeCode(code)).json()) as { access_token: string; user_id: string };
    expect(short.user_id).toBe('10001');
    const long = (await (
      await get(`/access_token?grant_type=th_exchange_token&client_secret=${GRAPH_SIM_APP.secret}&access_token=${short.access_token}`)
    ).json()) as { access_token: string };
    const debug = (await (await get(`/v1.0/debug_token?input_token=${long.access_token}&access_token=${long.access_token}`)).json()) as {
      data: { is_valid: boolean; user_id: string };
    };
    expect(debug.data).toMatchObject({ is_valid: true, user_id: '10001' });
    await clock.advance(61 * DAY);
    expect(await errorOf(await get(`/refresh_access_token?grant_type=th_refresh_token&access_token=${long.access_token}`))).toMatchObject({
      code: 190,
      error_subcode: 463,
    });
  });
});
