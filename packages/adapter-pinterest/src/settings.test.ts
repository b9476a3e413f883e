import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { createPinterestAdapter } from './index.js';

describe('settings', () => {
  it('talks to production for standard access and to the API Sandbox for trial access, unless baseUrl says otherwise', () => {
    expect(createPinterestAdapter().http.baseUrl).toBe('https://api.pinterest.com');
    expect(createPinterestAdapter({ access: 'trial' }).http.baseUrl).toBe('https://api-sandbox.pinterest.com');
    expect(createPinterestAdapter({ access: 'trial', baseUrl: 'http://127.0.0.1:4000/' }).http.baseUrl).toBe('http://127.0.0.1:4000');
  });

  it('budgets 1 000 requests a day for trial and 100 a second for standard (Pinterest’s universal limits)', () => {
    expect(createPinterestAdapter({ access: 'trial' }).http.staticLimits).toContainEqual({
      bucket: 'org_write',
      limit: 1000,
      windowMs: 86_400_000,
    });
    expect(createPinterestAdapter().http.staticLimits).toContainEqual({ bucket: 'org_write', limit: 100, windowMs: 1000 });
  });

  it('refuses an unknown access tier, naming it', () => {
    expect(() => createPinterestAdapter({ access: 'gold' as 'trial' })).toThrow(ValidationError);
    expect(() => createPinterestAdapter({ access: 'gold' as 'trial' })).toThrow(/access/);
  });
});
