import { describe, expect, it } from 'vitest';
import { ValidationError } from '@smm/core/adapter-kit';
import { createBlueskyAdapter } from './index.js';
import { BLUESKY_SERVICE_URL } from './settings.js';

function problems(settings: unknown): string[] {
  try {
    createBlueskyAdapter(settings as never);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('createBlueskyAdapter settings', () => {
  it('defaults to the Bluesky PDS and validates eagerly', () => {
    const adapter = createBlueskyAdapter();
    expect(adapter.http.baseUrl).toBe(BLUESKY_SERVICE_URL);
    expect(adapter.platform).toBe('bluesky');
    expect(adapter.specificationVersion).toBe('v1');
  });

  it('names every bad setting at once', () => {
    const found = problems({ baseUrl: 'bsky.social', webUrl: 'ftp://bsky.app', linkCards: 'yes', extra: 1 });
    expect(found.map((line) => line.split(':')[0])).toEqual(expect.arrayContaining(['baseUrl', 'webUrl', 'linkCards']));
    expect(found.join('\n')).toMatch(/baseUrl: must be an absolute http\(s\) URL such as https:\/\/bsky\.social/);
    expect(found.some((line) => line.includes('extra'))).toBe(true);
  });

  it('takes a per-account PDS as a function', () => {
    const adapter = createBlueskyAdapter({ baseUrl: (account) => `https://${account.handle.split('.').slice(1).join('.')}` });
    const baseUrl = adapter.http.baseUrl as (account: { handle: string }) => string;
    expect(baseUrl({ handle: 'ana.pds.example.com' })).toBe('https://pds.example.com');
  });
});
