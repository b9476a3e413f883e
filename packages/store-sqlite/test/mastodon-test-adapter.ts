// A minimal adapter for the testkit Mastodon simulator, enough for the crash tests: it
// publishes text posts with Mastodon's `Idempotency-Key` header (strategy `native-key`: a
// retry with the same key returns the first post and creates nothing). Everything else is
// unsupported. The real adapter is @smm/adapter-mastodon; this keeps the store's tests
// independent of it.
import { z } from 'zod';
import { defineAdapter, parseApiResponse } from '@smm/core/adapter-kit';
import { UnsupportedFeatureError } from '@smm/core/errors';

const StatusSchema = z.object({ id: z.string(), url: z.string().nullable().optional(), created_at: z.string() });

const unsupported = (what: string) => async (): Promise<never> => {
  throw new UnsupportedFeatureError(`The crash-test adapter does not do ${what}.`, { platform: 'mastodon', feature: what });
};

/** The adapter, pointed at a simulator's `listen()` URL. */
export function createMastodonTestAdapter(baseUrl: string) {
  return defineAdapter<undefined, { accessToken: string }>({
    platform: 'mastodon',
    displayName: 'Mastodon (test)',
    capabilities: {
      content: {
        text: { id: 'mastodon-test', method: 'graphemes', maxLength: 500, urlLength: 23 },
        media: { maxItems: 0, kinds: [], maxSizeBytes: {}, requireAltText: false },
        threads: false,
      },
      visibilities: ['public'],
      replies: false,
      delete: false,
      edit: false,
      polls: false,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: [],
      postMetrics: [],
      accountMetrics: [],
      idempotency: { strategy: 'native-key', header: 'Idempotency-Key' },
    },
    http: { baseUrl, idempotencyKeyHeader: 'Idempotency-Key' },
    credentials: {
      schema: z.object({ accessToken: z.string().min(1) }),
      createProvider: ({ credentials }) => ({
        getHeaders: () => ({ authorization: `Bearer ${credentials.accessToken}` }),
        secrets: () => [credentials.accessToken],
      }),
    },
    async doPublish({ draft }, ctx) {
      const response = await ctx.http.request({
        method: 'POST',
        path: '/api/v1/statuses',
        json: { status: draft.text },
        idempotencyKey: ctx.idempotencyKey!,
        signal: ctx.signal,
      });
      const status = parseApiResponse(StatusSchema, response, 'mastodon', 'POST /api/v1/statuses');
      return { parts: [{ id: status.id, ...(status.url ? { url: status.url } : {}) }], publishedAt: status.created_at };
    },
    // native-key: the network dedupes the key, so "not found" lets core publish again with it.
    async doFindPublished() {
      return null;
    },
    doDelete: unsupported('delete'),
    doGetPost: unsupported('getPost'),
    doListMentions: unsupported('listMentions'),
    doGetPostMetrics: unsupported('getPostMetrics'),
    doGetAccountMetrics: unsupported('getAccountMetrics'),
  });
}
