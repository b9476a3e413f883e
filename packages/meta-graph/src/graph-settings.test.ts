import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { graphSettingsShape } from './graph-settings.js';

describe('graphSettingsShape', () => {
  it('defaults each kind to its API host and pinned version', () => {
    expect(z.object(graphSettingsShape('facebook')).parse({})).toEqual({ apiVersion: 'v26.0', baseUrl: 'https://graph.facebook.com' });
    expect(z.object(graphSettingsShape('instagram')).parse({})).toEqual({ apiVersion: 'v26.0', baseUrl: 'https://graph.instagram.com' });
    expect(z.object(graphSettingsShape('threads')).parse({})).toEqual({ apiVersion: 'v1.0', baseUrl: 'https://graph.threads.net' });
  });

  it('validates every field the same way, naming the fix', () => {
    const result = z
      .object(graphSettingsShape('facebook'))
      .safeParse({ apiVersion: '26', baseUrl: 'graph.facebook.com', appId: 'my-app', appSecret: '' });
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(byPath.apiVersion).toContain('v26.0');
    expect(byPath.baseUrl).toContain('https://graph.facebook.com');
    expect(byPath.appId).toContain('digits only');
    expect(byPath.appSecret).toContain('App Dashboard');
  });

  it('drops a trailing slash from baseUrl', () => {
    expect(z.object(graphSettingsShape('threads')).parse({ baseUrl: 'http://127.0.0.1:4000/' }).baseUrl).toBe('http://127.0.0.1:4000');
  });
});
