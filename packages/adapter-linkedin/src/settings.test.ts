import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { createLinkedInAdapter } from './index.js';

describe('LinkedIn adapter settings', () => {
  it('default to the production API, version 202610 and the daily limits, sent as versioned Rest.li headers', () => {
    const adapter = createLinkedInAdapter();
    expect(adapter.http.baseUrl).toBe('https://api.linkedin.com');
    expect(adapter.http.headers).toMatchObject({ 'linkedin-version': '202610', 'x-restli-protocol-version': '2.0.0' });
    expect(adapter.http.staticLimits).toEqual([
      { bucket: 'write', limit: 150, windowMs: 86_400_000, resetsAtMidnightIn: 'UTC' },
      { bucket: 'media', limit: 500, windowMs: 86_400_000, resetsAtMidnightIn: 'UTC' },
      { bucket: 'read', limit: 100_000, windowMs: 86_400_000, resetsAtMidnightIn: 'UTC' },
    ]);
    expect(createLinkedInAdapter({ linkedinVersion: '202509.01' }).http.headers).toMatchObject({ 'linkedin-version': '202509.01' });
  });

  it('refuse a wrong setting with a ValidationError naming it', () => {
    const wrong = (settings: object) => {
      try {
        createLinkedInAdapter(settings);
      } catch (error) {
        return ValidationError.isInstance(error) ? error.issues.map((issue) => issue.path.join('.')) : error;
      }
      return 'accepted';
    };
    expect(wrong({ linkedinVersion: '2026-10' })).toEqual(['linkedinVersion']);
    expect(wrong({ dailyLimits: { write: 0 } })).toEqual(['dailyLimits.write']);
    expect(wrong({ baseUrl: 'api.linkedin.com' })).toEqual(['baseUrl']);
    expect(wrong({ instanceUrl: 'https://x' })).toEqual(['instanceUrl']);
  });
});
