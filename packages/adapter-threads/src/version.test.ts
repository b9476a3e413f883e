import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createThreadsAdapter, VERSION } from './index.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

describe('VERSION', () => {
  it('equals the version in package.json', () => {
    expect(VERSION).toBe(manifest.version);
  });

  it('is sent, with the package name, as the default user-agent', () => {
    expect(createThreadsAdapter().http.headers).toMatchObject({ 'user-agent': `${manifest.name}/${manifest.version}` });
    expect(createThreadsAdapter({ userAgent: 'acme-app/2' }).http.headers).toMatchObject({ 'user-agent': 'acme-app/2' });
  });
});
