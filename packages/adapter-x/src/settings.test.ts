import { describe, expect, it } from 'vitest';
import { ValidationError } from '@smm/core/adapter-kit';
import { createXAdapter, XAdapterSettingsSchema } from './index.js';

function issuesOf(settings: unknown): string[] {
  try {
    createXAdapter(settings as never);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.issues.map((issue) => issue.path.join('.'));
    throw error;
  }
  return [];
}

describe('createXAdapter settings', () => {
  it('defaults to the real X API and sensible limits', () => {
    const adapter = createXAdapter();
    expect(adapter.platform).toBe('x');
    expect(adapter.http.baseUrl).toBe('https://api.x.com');
    expect(XAdapterSettingsSchema.parse({})).toMatchObject({
      mediaChunkBytes: 4 * 1024 * 1024,
      lookupWindowMs: 86_400_000,
      lookupMaxPages: 5,
      privateMetrics: true,
      onDuplicate: 'adopt',
    });
  });

  it('throws a ValidationError naming every bad setting at once', () => {
    expect(
      issuesOf({ baseUrl: 'ftp://x', mediaChunkBytes: 10 * 1024 * 1024, onDuplicate: 'ignore', lookupMaxPages: 0, clientId: '' }),
    ).toEqual(['baseUrl', 'clientId', 'mediaChunkBytes', 'lookupMaxPages', 'onDuplicate']);
  });

  it('refuses unknown settings (a typo must not pass silently), naming the key and the one meant', () => {
    expect(issuesOf({ baseURL: 'https://api.x.com' })).toEqual(['baseURL']);
    expect(() => createXAdapter({ baseURL: 'https://api.x.com' } as never)).toThrow('baseURL: unknown option — did you mean `baseUrl`?');
  });

  it('does not echo a client secret in its errors', () => {
    let caught: unknown;
    try {
      createXAdapter({ clientSecret: 'very-secret-value', baseUrl: 'nope' });
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect(JSON.stringify((caught as ValidationError).toJSON())).not.toContain('very-secret-value');
  });
});
