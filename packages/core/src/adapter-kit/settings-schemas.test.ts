import { describe, expect, it } from 'vitest';
import { fetchSettingSchema, httpUrlSchema, positiveMsSchema } from './index.js';

describe('settings schemas', () => {
  it('positiveMsSchema names the setting and refuses 0, fractions and negatives', () => {
    const schema = positiveMsSchema('an interval');
    expect(schema.parse(1_000)).toBe(1_000);
    expect(schema.safeParse(0).error?.issues[0]?.message).toBe('must be an interval in milliseconds, above 0');
    expect(schema.safeParse(1.5).error?.issues[0]?.message).toBe('must be an interval in whole milliseconds');
  });

  it('httpUrlSchema takes http(s) URLs only and shows the example; fetchSettingSchema takes a function or nothing', () => {
    const schema = httpUrlSchema('https://api.chirp.example');
    expect(schema.parse('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(schema.safeParse('ftp://x.example').error?.issues[0]?.message).toBe(
      'must be an absolute http(s) URL such as https://api.chirp.example',
    );
    expect(fetchSettingSchema.safeParse(undefined).success).toBe(true);
    expect(fetchSettingSchema.safeParse(fetch).success).toBe(true);
    expect(fetchSettingSchema.safeParse('fetch').error?.issues[0]?.message).toBe('must be a fetch function');
  });
});
