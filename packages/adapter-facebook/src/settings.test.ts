import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { createFacebookAdapter } from './index.js';
import { parseFacebookAdapterSettings } from './settings.js';

describe('settings', () => {
  it('defaults to Graph and graph-video hosts, the pinned version, and the 10-minute to 30-day scheduling window', () => {
    const settings = parseFacebookAdapterSettings({});
    expect(settings).toMatchObject({
      baseUrl: 'https://graph.facebook.com',
      videoBaseUrl: 'https://graph-video.facebook.com',
      authBaseUrl: 'https://www.facebook.com',
      apiVersion: 'v26.0',
      schedulingWindow: { minLeadMs: 600_000, maxLeadMs: 2_592_000_000 },
      videoProcessingTimeoutMs: 1_800_000,
    });
    expect(createFacebookAdapter({ videoProcessingTimeoutMs: 60_000 }).capabilities.pendingPublish).toEqual({ maxWaitMs: 60_000 });
  });

  it.each([
    [{ apiVersion: '26' }, 'apiVersion'],
    [{ videoBaseUrl: 'ftp://example.com' }, 'videoBaseUrl'],
    [{ schedulingWindow: { minLeadMs: 5_000, maxLeadMs: 1_000 } }, 'schedulingWindow.maxLeadMs'],
    [{ lookupMaxPages: 0 }, 'lookupMaxPages'],
    [{ accessToken: 'x' }, 'accessToken'],
  ])('refuses %j, naming %s', (input, field) => {
    let error: unknown;
    try {
      createFacebookAdapter(input as never);
    } catch (caught) {
      error = caught;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).message).toContain(field);
  });
});
