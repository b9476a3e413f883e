import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { createInstagramAdapter } from './index.js';
import { parseInstagramAdapterSettings } from './settings.js';

describe('settings', () => {
  it('defaults to Facebook Login on graph.facebook.com; Instagram Login picks graph.instagram.com', () => {
    expect(parseInstagramAdapterSettings({})).toMatchObject({
      login: 'facebook',
      baseUrl: 'https://graph.facebook.com',
      apiVersion: 'v26.0',
    });
    expect(parseInstagramAdapterSettings({ login: 'instagram' }).baseUrl).toBe('https://graph.instagram.com');
    expect(parseInstagramAdapterSettings({ login: 'instagram', baseUrl: 'http://127.0.0.1:9000/' }).baseUrl).toBe('http://127.0.0.1:9000');
  });

  it('names the setting and the fix when a setting is wrong', () => {
    const wrong = (settings: Record<string, unknown>): Array<[string, string]> | undefined => {
      try {
        createInstagramAdapter(settings as never);
      } catch (error) {
        if (ValidationError.isInstance(error)) return error.issues.map((issue) => [issue.path.join('.'), issue.message]);
        throw error;
      }
      return undefined;
    };
    expect(wrong({ login: 'threads' })).toEqual([['login', 'must be "facebook" or "instagram" (the login your accounts connect with)']]);
    expect(wrong({ apiVersion: '26' })?.[0]?.[0]).toBe('apiVersion');
    expect(wrong({ mediaHost: 'https://cdn.example.com' })?.[0]).toEqual([
      'mediaHost',
      'must be an object with urlFor(media, { signal }) → Promise<{ url }> (a public media host)',
    ]);
    expect(wrong({ mediaHosts: {} })?.[0]?.[0]).toBe('mediaHosts');
  });

  it('sets what the capabilities say from the login and the publish timeout', () => {
    expect(createInstagramAdapter().capabilities).toMatchObject({ delete: true, pendingPublish: { maxWaitMs: 600_000 } });
    expect(createInstagramAdapter({ login: 'instagram', publishTimeoutMs: 60_000 }).capabilities).toMatchObject({
      delete: false,
      pendingPublish: { maxWaitMs: 60_000 },
    });
  });
});
