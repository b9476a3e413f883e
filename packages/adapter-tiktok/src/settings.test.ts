import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { createTikTokAdapter } from './index.js';
import { parseTikTokAdapterSettings } from './settings.js';

describe('settings', () => {
  it('defaults: TikTok’s API host, audited, direct post, 10 MiB chunks', () => {
    expect(parseTikTokAdapterSettings({})).toMatchObject({
      baseUrl: 'https://open.tiktokapis.com',
      audited: true,
      postMode: 'DIRECT_POST',
      chunkBytes: 10 * 1024 * 1024,
    });
  });

  it('refuses a chunk size outside TikTok’s 5–64 MB, naming the setting and the range', () => {
    for (const chunkBytes of [5 * 1024 * 1024 - 1, 64 * 1024 * 1024 + 1]) {
      let error: unknown;
      try {
        createTikTokAdapter({ chunkBytes });
      } catch (caught) {
        error = caught;
      }
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues[0]!.path).toEqual(['chunkBytes']);
      expect((error as ValidationError).message).toMatch(/5 MB to 64 MB/);
    }
  });

  it('refuses unknown settings', () => {
    expect(() => createTikTokAdapter({ chunkSize: 1 } as never)).toThrow(/chunkSize/);
  });
});
