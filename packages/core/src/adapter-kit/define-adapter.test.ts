import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../errors/index.js';
import { defineAdapter, type AdapterDefinition } from './index.js';

// A minimal valid definition; each test breaks one part of it.
function definition(capabilityOverrides: Record<string, unknown> = {}, contentOverrides: Record<string, unknown> = {}): AdapterDefinition {
  return {
    platform: 'memo',
    displayName: 'Memo',
    capabilities: {
      content: {
        text: { id: 'memo', method: 'graphemes', maxLength: 100 },
        media: { maxItems: 1, kinds: ['image'] },
        threads: false,
        ...contentOverrides,
      },
      visibilities: ['public'],
      replies: false,
      delete: true,
      edit: false,
      polls: false,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: ['mention'],
      postMetrics: ['likes'],
      accountMetrics: ['followers'],
      idempotency: { strategy: 'lookup' },
      ...capabilityOverrides,
    },
    http: { baseUrl: 'https://memo.example' },
    credentials: { schema: z.object({ token: z.string() }), createProvider: () => ({ getHeaders: () => ({}) }) },
    doPublish: async () => ({ parts: [{ id: '1' }] }),
    doDelete: async () => {},
    doGetPost: async () => null,
    doListMentions: async () => ({ items: [], nextCursor: null }),
    doGetPostMetrics: async () => ({ metrics: {} }),
    doGetAccountMetrics: async () => ({ metrics: {} }),
    doFindPublished: async () => null,
  } as AdapterDefinition;
}

function issuePaths(make: () => unknown): string[] {
  try {
    make();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.issues.map((issue) => issue.path.join('.')).sort();
    throw error;
  }
  return [];
}

describe('defineAdapter validates the capabilities with the spec schema (one source of truth)', () => {
  it('accepts a complete definition, marks it v1 and freezes it', () => {
    const adapter = defineAdapter(definition());
    expect(adapter.specificationVersion).toBe('v1');
    expect(Object.isFrozen(adapter)).toBe(true);
  });

  it('validates every text-rule field, including those the old copy of the schema skipped', () => {
    const text = {
      id: 'memo',
      method: 'graphemes',
      maxLength: 100,
      urlsRequireScheme: 'yes',
      emojiCountsUtf8Bytes: 1,
    };
    expect(issuePaths(() => defineAdapter(definition({}, { text })))).toEqual([
      'capabilities.content.text.emojiCountsUtf8Bytes',
      'capabilities.content.text.urlsRequireScheme',
    ]);
  });

  it('validates media minItems and titleRequired', () => {
    const media = { maxItems: 1, minItems: -1, kinds: ['image'] };
    expect(issuePaths(() => defineAdapter(definition({}, { media, titleRequired: 'no' })))).toEqual([
      'capabilities.content.media.minItems',
      'capabilities.content.titleRequired',
    ]);
  });

  it('refuses unknown capability keys (a typo would otherwise be ignored silently)', () => {
    // Each unknown key is named at its own path.
    expect(issuePaths(() => defineAdapter(definition({ replys: true })))).toEqual(['capabilities.replys']);
    expect(issuePaths(() => defineAdapter(definition({}, { thread: true })))).toEqual(['capabilities.content.thread']);
  });

  it('refuses unknown media kinds and metric names, naming the allowed ones', () => {
    let message = '';
    try {
      defineAdapter(definition({ postMetrics: ['likes', 'hearts'] }, { media: { maxItems: 1, kinds: ['hologram'] } }));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('capabilities.postMetrics[1]');
    expect(message).toContain('capabilities.content.media.kinds[0]');
    expect(message).toContain('impressions');
  });
});

describe('defineAdapter: pending publishes (spec v1.1)', () => {
  const status = async () => ({ pending: 'c1' });

  it('accepts capabilities.pendingPublish with doGetPublishStatus, and a v1.0 definition with neither', () => {
    expect(
      defineAdapter({ ...definition({ pendingPublish: { maxWaitMs: 60_000 } }), doGetPublishStatus: status }).capabilities.pendingPublish,
    ).toEqual({
      maxWaitMs: 60_000,
    });
    expect(defineAdapter(definition()).capabilities.pendingPublish).toBeUndefined();
  });

  it('refuses one without the other, naming the missing piece', () => {
    expect(issuePaths(() => defineAdapter(definition({ pendingPublish: { maxWaitMs: 60_000 } })))).toEqual(['doGetPublishStatus']);
    expect(issuePaths(() => defineAdapter({ ...definition(), doGetPublishStatus: status }))).toEqual(['capabilities.pendingPublish']);
    expect(issuePaths(() => defineAdapter({ ...definition({ pendingPublish: { maxWaitMs: 0 } }), doGetPublishStatus: status }))).toEqual([
      'capabilities.pendingPublish.maxWaitMs',
    ]);
  });
});

describe('defineAdapter: public accounts (spec v1.1)', () => {
  const read = async () => ({ account: { platform: 'test', id: '1', handle: 'globex' }, metrics: {} });

  it('accepts capabilities.publicAccounts with doGetPublicAccount', () => {
    expect(defineAdapter({ ...definition({ publicAccounts: true }), doGetPublicAccount: read }).capabilities.publicAccounts).toBe(true);
  });

  it('refuses one without the other, and a value other than true', () => {
    expect(issuePaths(() => defineAdapter(definition({ publicAccounts: true })))).toEqual(['doGetPublicAccount']);
    expect(issuePaths(() => defineAdapter({ ...definition(), doGetPublicAccount: read }))).toEqual(['capabilities.publicAccounts']);
    expect(issuePaths(() => defineAdapter({ ...definition({ publicAccounts: false }), doGetPublicAccount: read }))).toContain(
      'capabilities.publicAccounts',
    );
  });
});
