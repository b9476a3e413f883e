import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ADAPTER_V1_MEDIA_KINDS,
  ADAPTER_V1_MENTION_KINDS,
  ADAPTER_V1_METRICS,
  ADAPTER_V1_VISIBILITIES,
  type AdapterV1Account,
  type AdapterV1Clock,
  type AdapterV1CredentialsProvider,
  type AdapterV1ErrorMapping,
  type AdapterV1HttpClient,
  type AdapterV1Logger,
  type AdapterV1MediaRef,
  type AdapterV1Mention,
  type AdapterV1MetricSnapshot,
  type AdapterV1Page,
  type AdapterV1PostDraft,
  type AdapterV1PostRef,
  type AdapterV1RateLimitObservation,
  type AdapterV1RateLimitParser,
  type AdapterV1StaticLimit,
} from '../adapter-spec/index.js';
import type { Clock } from '../clock/index.js';
import type { CredentialsProvider, ErrorMapping, HttpClient, RateLimitObservation, RateLimitParser, StaticLimit } from '../http/index.js';
import {
  CANONICAL_METRICS,
  MEDIA_KINDS,
  MENTION_KINDS,
  VISIBILITIES,
  type Account,
  type MediaRef,
  type Mention,
  type MetricSnapshot,
  type Page,
  type PostDraft,
  type PostRef,
} from '../model/index.js';
import type { Logger } from './index.js';

// The spec (adapter-spec/v1) copies what it needs so it never changes when the model does.
// These checks fail to compile, or fail at run time, the day the model and the spec part:
// what core hands an adapter must fit the spec, and what an adapter hands back must fit core.
describe('the model still satisfies adapter spec v1', () => {
  it('core values handed to adapters fit the spec types', () => {
    expectTypeOf<PostDraft>().toExtend<AdapterV1PostDraft>();
    expectTypeOf<MediaRef>().toExtend<AdapterV1MediaRef>();
    expectTypeOf<PostRef>().toExtend<AdapterV1PostRef>();
    expectTypeOf<Account>().toExtend<AdapterV1Account>();
    expectTypeOf<HttpClient>().toExtend<AdapterV1HttpClient>();
    expectTypeOf<CredentialsProvider>().toExtend<AdapterV1CredentialsProvider>();
    expectTypeOf<Clock>().toExtend<AdapterV1Clock>();
    expectTypeOf<Logger>().toExtend<AdapterV1Logger>();
  });

  it('what adapters hand back fits what core reads', () => {
    expectTypeOf<AdapterV1RateLimitParser>().toExtend<RateLimitParser>();
    expectTypeOf<AdapterV1RateLimitObservation>().toExtend<RateLimitObservation>();
    expectTypeOf<AdapterV1StaticLimit>().toExtend<StaticLimit>();
    expectTypeOf<AdapterV1ErrorMapping>().toExtend<ErrorMapping>();
    expectTypeOf<AdapterV1CredentialsProvider>().toExtend<CredentialsProvider>();
    // Model records are also valid adapter outputs (an adapter may build them with the model).
    expectTypeOf<Mention>().toExtend<AdapterV1Mention>();
    expectTypeOf<MetricSnapshot>().toExtend<AdapterV1MetricSnapshot>();
    expectTypeOf<Page<Mention>>().toExtend<AdapterV1Page<AdapterV1Mention>>();
  });

  it('spec v1 vocabularies are exactly the published lists (a published version never changes)', () => {
    // Written out by hand: editing a spec list fails here, on purpose.
    expect([...ADAPTER_V1_MEDIA_KINDS]).toEqual(['image', 'video', 'gif', 'document', 'audio']);
    expect([...ADAPTER_V1_MENTION_KINDS]).toEqual(['mention', 'reply', 'comment', 'quote', 'direct_message', 'review']);
    expect([...ADAPTER_V1_VISIBILITIES]).toEqual(['public', 'unlisted', 'followers', 'direct']);
    expect([...ADAPTER_V1_METRICS]).toEqual([
      'impressions',
      'reach',
      'views',
      'videoViews',
      'watchTimeMs',
      'likes',
      'comments',
      'shares',
      'quotes',
      'saves',
      'clicks',
      'linkClicks',
      'profileVisits',
      'followers',
      'following',
      'posts',
      'conversions',
      'spend',
    ]);
  });

  it('the model accepts every value of the spec vocabularies (it may grow, never shrink)', () => {
    for (const kind of ADAPTER_V1_MEDIA_KINDS) expect(MEDIA_KINDS).toContain(kind);
    for (const kind of ADAPTER_V1_MENTION_KINDS) expect(MENTION_KINDS).toContain(kind);
    for (const visibility of ADAPTER_V1_VISIBILITIES) expect(VISIBILITIES).toContain(visibility);
    for (const metric of ADAPTER_V1_METRICS) expect(CANONICAL_METRICS).toContain(metric);
  });
});
