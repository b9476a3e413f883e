import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createSimulatorEngine, json, type SimRequest, type SimRoute } from '../simulator/index.js';
import {
  checkGraphRequest,
  containerPublishError,
  createContainerStore,
  createGraphTokenEndpoints,
  createGraphUsageMeter,
  createPublishingLimit,
  graphFaultResponses,
  graphPage,
  graphParam,
  graphParams,
  unsupportedRequest,
} from './index.js';

// A small Instagram-like simulator built only from the base, as the network simulators are:
// token endpoints, Graph faults, the usage meter on every API route, the validator first in each
// route, the container store and the publishing cap. Expected answers are Meta's (see the other tests).
function miniInstagram() {
  const clock = createFakeClock({ now: '2026-12-01T00:00:00Z' });
  const IG_USER = '17841400000000001';
  const auth = createGraphTokenEndpoints({ kind: 'facebook', clock, subject: IG_USER });
  const token = auth.tokens.issue(IG_USER, 'long', ['instagram_content_publish']).token;
  const meter = createGraphUsageMeter({ clock, limit: 200, usage: { kind: 'buc', type: 'instagram' } });
  const containers = createContainerStore<{ caption?: string }>({ clock, finishAfterMs: 10_000 });
  const cap = createPublishingLimit({ clock, network: 'instagram' });
  const media: Array<{ id: string; caption?: string }> = [];

  // Authenticates, then runs the handler; the meter counts per IG user and stamps BUC usage.
  const api = (method: SimRoute['method'], path: string, handle: (request: SimRequest, user: string) => Response): SimRoute =>
    meter.wrap(
      {
        method,
        path,
        handle(request) {
          const who = auth.tokens.authenticate(request);
          return who.ok ? handle(request, who.record.subject) : who.response;
        },
      },
      () => IG_USER,
    );

  const routes: SimRoute[] = [
    ...auth.routes,
    api('POST', '/:version/:igUserId/media', (request, user) => {
      const params = graphParams(request);
      const refused = checkGraphRequest('IGUser', 'media', 'POST', params, { objectId: request.params.igUserId });
      if (refused) return refused;
      if (request.params.igUserId !== user) return unsupportedRequest('post', request.params.igUserId!);
      return json(200, { id: containers.create(user, { caption: graphParam(params, 'caption') }).id });
    }),
    api('POST', '/:version/:igUserId/media_publish', (request, user) => {
      const params = graphParams(request);
      const refused = checkGraphRequest('IGUser', 'media_publish', 'POST', params) ?? cap.check(user);
      if (refused) return refused;
      const creationId = graphParam(params, 'creation_id')!;
      const result = containers.publish(creationId, user, (container) => {
        const id = `1790000000000${media.length}`;
        media.unshift({ id, caption: container.payload.caption });
        return id;
      });
      if (!result.ok) return containerPublishError(result.reason, creationId);
      if (!result.republished) cap.record(user);
      return json(200, { id: result.mediaId });
    }),
    api('GET', '/:version/:igUserId/content_publishing_limit', (request, user) => {
      const params = graphParams(request);
      const refused = checkGraphRequest('IGUser', 'content_publishing_limit', 'GET', params);
      return refused ?? json(200, cap.answer(user, graphParam(params, 'fields'), graphParam(params, 'since')));
    }),
    api('GET', '/:version/:igUserId/media', (request) => {
      const refused = checkGraphRequest('IGUser', 'media', 'GET', graphParams(request));
      return refused ?? json(200, graphPage(media, request));
    }),
    api('GET', '/:version/:id', (request) => {
      const params = graphParams(request);
      const container = containers.poll(request.params.id!);
      if (!container) return unsupportedRequest('get', request.params.id!);
      const refused = checkGraphRequest('ShadowIGMediaBuilder', null, 'GET', params);
      return refused ?? json(200, { id: container.id, status_code: container.status });
    }),
  ];
  const sim = createSimulatorEngine({
    platform: 'instagram',
    baseUrl: 'https://graph.facebook.com',
    clock,
    routes,
    faultResponses: graphFaultResponses({ clock, usage: { kind: 'buc', type: 'instagram' }, businessId: IG_USER }),
    onExpiredToken: () => auth.tokens.expire(token),
  });
  const call = (method: string, path: string, params: Record<string, string> = {}) =>
    sim.fetch(
      `https://graph.facebook.com/v25.0/${path}${method === 'GET' ? `?${new URLSearchParams({ ...params, access_token: token })}` : ''}`,
      {
        method,
        ...(method === 'GET' ? {} : { body: new URLSearchParams({ ...params, access_token: token }) }),
      },
    );
  return { sim, clock, call, IG_USER, containers };
}

describe('a Graph simulator built on @smm/testkit/meta-graph', () => {
  it('creates a container, waits for FINISHED, publishes once, and counts the cap', async () => {
    const { call, clock, IG_USER } = miniInstagram();
    const created = (await (await call('POST', `${IG_USER}/media`, { image_url: 'https://cdn.example/a.jpg', caption: 'hi' })).json()) as {
      id: string;
    };
    expect(await (await call('GET', created.id, { fields: 'status_code' })).json()).toEqual({ id: created.id, status_code: 'IN_PROGRESS' });
    const early = await call('POST', `${IG_USER}/media_publish`, { creation_id: created.id });
    expect(((await early.json()) as { error: { error_subcode: number } }).error.error_subcode).toBe(2207027);
    await clock.advance(10_000);
    const published = await call('POST', `${IG_USER}/media_publish`, { creation_id: created.id });
    expect(published.status).toBe(200);
    expect(JSON.parse(published.headers.get('x-business-use-case-usage')!)[IG_USER][0].type).toBe('instagram');
    const { id } = (await published.json()) as { id: string };
    // The answer to a repeated publish is the same media: no duplicate post.
    expect(await (await call('POST', `${IG_USER}/media_publish`, { creation_id: created.id })).json()).toEqual({ id });
    expect(await (await call('GET', `${IG_USER}/content_publishing_limit`, { fields: 'quota_usage,config' })).json()).toEqual({
      data: [{ quota_usage: 1, config: { quota_total: 50, quota_duration: 86400 } }],
    });
    expect(((await (await call('GET', `${IG_USER}/media`)).json()) as { data: unknown[] }).data).toEqual([{ id, caption: 'hi' }]);
  });

  it('answers an off-spec request, an injected BUC throttle and an injected expired token in Graph shapes', async () => {
    const { call, sim, IG_USER } = miniInstagram();
    expect(((await (await call('POST', `${IG_USER}/media_publish`)).json()) as { error: { message: string } }).error.message).toBe(
      '(#100) The parameter creation_id is required',
    );
    sim.faults.inject({ kind: '429-storm', resetInMs: 5 * 60_000 });
    const throttled = await call('GET', `${IG_USER}/media`);
    expect(((await throttled.json()) as { error: { code: number } }).error.code).toBe(80002);
    expect(JSON.parse(throttled.headers.get('x-business-use-case-usage')!)[IG_USER][0].estimated_time_to_regain_access).toBe(5);
    sim.faults.inject({ kind: 'expired-token' });
    expect(
      ((await (await call('GET', `${IG_USER}/media`)).json()) as { error: { code: number; error_subcode: number } }).error,
    ).toMatchObject({
      code: 190,
      error_subcode: 463,
    });
    // The token stays expired afterwards (onExpiredToken).
    expect(((await (await call('GET', `${IG_USER}/media`)).json()) as { error: { code: number } }).error.code).toBe(190);
  });
});
