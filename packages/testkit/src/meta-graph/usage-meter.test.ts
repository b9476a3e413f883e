import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { json } from '../simulator/index.js';
import { createGraphUsageMeter } from './index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// https://developers.facebook.com/docs/graph-api/overview/rate-limiting/ — header contents and throttle codes.
describe('createGraphUsageMeter', () => {
  it('stamps X-App-Usage with the call count as a percentage of the hourly limit', () => {
    const clock = createFakeClock({ now: 0 });
    const meter = createGraphUsageMeter({ clock, limit: 10 });
    for (let i = 0; i < 3; i += 1) expect(meter.call()).toBeUndefined();
    // 3 of 10 calls: 30 %.
    expect(JSON.parse(meter.headers()['x-app-usage']!)).toEqual({ call_count: 30, total_cputime: 30, total_time: 30 });
  });

  it('throttles at 100 % with code 4 until the oldest call leaves the rolling hour', async () => {
    const clock = createFakeClock({ now: 0 });
    const meter = createGraphUsageMeter({ clock, limit: 2 });
    meter.call();
    await clock.advance(30 * MINUTE);
    meter.call();
    await clock.advance(10 * MINUTE);
    const refused = meter.call();
    expect(refused?.status).toBe(400);
    const body = (await refused!.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      code: 4,
      message: '(#4) Application request limit reached',
      type: 'OAuthException',
      is_transient: true,
    });
    expect(JSON.parse(refused!.headers.get('x-app-usage')!)).toEqual({ call_count: 100, total_cputime: 100, total_time: 100 });
    // The first call (t=0) leaves the window at t=60 min: 20 minutes from t=40.
    expect(meter.usage().regainInMs).toBe(20 * MINUTE);
    await clock.advance(20 * MINUTE);
    expect(meter.call()).toBeUndefined();
  });

  it('reports a BUC type per business object, with estimated_time_to_regain_access in minutes, and throttles with 80001 for Pages', async () => {
    const clock = createFakeClock({ now: 0 });
    const meter = createGraphUsageMeter({ clock, limit: 4800, usage: { kind: 'buc', type: 'pages' } });
    meter.fill(100, '1234', 90 * 1000);
    const refused = meter.call('1234')!;
    const header = JSON.parse(refused.headers.get('x-business-use-case-usage')!) as Record<string, unknown[]>;
    // 90 s rounds up to 2 minutes.
    expect(header).toEqual({
      '1234': [{ type: 'pages', call_count: 100, total_cputime: 100, total_time: 100, estimated_time_to_regain_access: 2 }],
    });
    const body = (await refused.json()) as { error: Record<string, unknown> };
    expect(body.error.code).toBe(80001);
    expect(body.error.message).toMatch(/^\(#80001\) There have been too many calls to this Page account\. Wait a bit and try again\./);
    // Another Page is not throttled.
    expect(meter.call('5678')).toBeUndefined();
    await clock.advance(90 * 1000);
    expect(meter.call('1234')).toBeUndefined();
  });

  it('throttles Instagram BUC with 80002, and wraps routes: counting, refusing and stamping', async () => {
    const clock = createFakeClock({ now: 0 });
    const meter = createGraphUsageMeter({ clock, limit: 1, usage: { kind: 'buc', type: 'instagram' } });
    const route = meter.wrap({ method: 'GET', path: '/:id', handle: () => json(200, { ok: true }) }, () => '17841');
    const request = {
      params: {},
      searchParams: new URLSearchParams(),
      origin: '',
      bytes: new Uint8Array(),
      method: 'GET',
      path: '/17841',
      query: {},
      headers: {},
      body: undefined,
      bodySize: 0,
      at: '',
    };
    const first = await route.handle(request);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.headers.get('x-business-use-case-usage')!)['17841'][0]).toMatchObject({
      type: 'instagram',
      call_count: 100,
      estimated_time_to_regain_access: 60,
    });
    const second = await route.handle(request);
    expect(((await second.json()) as { error: { code: number } }).error.code).toBe(80002);
  });
});
