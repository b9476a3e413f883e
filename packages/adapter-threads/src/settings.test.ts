import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { createThreadsAdapter } from './index.js';
import { THREADS_API_URL } from './internal/index.js';

const refusal = (settings: unknown) => {
  try {
    createThreadsAdapter(settings as never);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('settings', () => {
  it('defaults to graph.threads.net, API v1.0 and a 10-minute wait for containers', () => {
    const adapter = createThreadsAdapter();
    expect(THREADS_API_URL).toBe('https://graph.threads.net');
    expect(adapter.http.baseUrl).toBe('https://graph.threads.net');
    expect(adapter.capabilities.pendingPublish).toEqual({ maxWaitMs: 600_000 });
    expect(createThreadsAdapter({ pendingTimeoutMs: 60_000 }).capabilities.pendingPublish).toEqual({ maxWaitMs: 60_000 });
  });

  it('refuses a bad setting with a ValidationError naming it and the fix', () => {
    const cases: Array<[unknown, string]> = [
      [{ apiVersion: '1.0' }, 'apiVersion'],
      [{ appId: 'my-app' }, 'appId'],
      [{ mediaHost: { put: () => 'x' } }, 'mediaHost'],
      [{ baseUrl: 'graph.threads.net' }, 'baseUrl'],
      [{ lookupMaxPages: 0 }, 'lookupMaxPages'],
      [{ mentionPostDepth: -1 }, 'mentionPostDepth'],
      [{ mentionPostDepth: 101 }, 'mentionPostDepth'],
      [{ typo: true }, 'typo'],
    ];
    for (const [settings, field] of cases) {
      const error = refusal(settings);
      expect(ValidationError.isInstance(error), field).toBe(true);
      expect((error as ValidationError).issues.map((issue) => issue.path.join('.'))).toContain(field);
    }
  });
});
