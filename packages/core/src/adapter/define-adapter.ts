import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/index.js';
import { CANONICAL_METRICS, MEDIA_KINDS, MENTION_KINDS, NetworkIdSchema, VISIBILITIES, toValidationIssues } from '../model/index.js';
import type { Adapter, AdapterDefinition, AdapterV1 } from './spec-v1.js';

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { error: `must be a function (${what})` });
const optionalFn = (what: string) => fn(what).optional();
const count = z.number().int().nonnegative({ error: 'must be a whole number, 0 or more' });

const TextRuleSchema = z.object({
  id: z.string().min(1),
  method: z.enum(['x-weighted', 'graphemes', 'code-points', 'utf16', 'utf8-bytes']),
  maxLength: z.number().int().positive({ error: 'must be the maximum length, a whole number above 0' }),
  maxBytes: z.number().int().positive().optional(),
  urlLength: count.optional(),
  mentionCountsLocalPartOnly: z.boolean().optional(),
  maxHashtags: count.optional(),
  maxMentions: count.optional(),
  maxLinks: count.optional(),
  forbiddenCharacters: z.string().optional(),
});

const ContentRulesSchema = z.object({
  text: TextRuleSchema,
  media: z.object({
    maxItems: count,
    kinds: z.array(z.enum(MEDIA_KINDS)),
    maxPerKind: z.partialRecord(z.enum(MEDIA_KINDS), count).optional(),
    mixKinds: z.boolean().optional(),
    requireAltText: z.boolean().optional(),
    maxAltTextLength: count.optional(),
    maxSizeBytes: z.partialRecord(z.enum(MEDIA_KINDS), count).optional(),
  }),
  title: TextRuleSchema.optional(),
  threads: z.boolean(),
  maxThreadParts: z.number().int().positive().optional(),
});

const CapabilitiesSchema = z.object({
  content: ContentRulesSchema,
  visibilities: z.array(z.enum(VISIBILITIES)).min(1, { error: 'must list at least one visibility (usually "public")' }),
  replies: z.boolean(),
  delete: z.boolean(),
  edit: z.boolean(),
  polls: z.boolean(),
  firstComment: z.boolean(),
  nativeScheduling: z.boolean(),
  directMessages: z.boolean(),
  mentionKinds: z.array(z.enum(MENTION_KINDS)),
  postMetrics: z.array(z.enum(CANONICAL_METRICS)),
  accountMetrics: z.array(z.enum(CANONICAL_METRICS)),
  idempotency: z.discriminatedUnion(
    'strategy',
    [
      z.object({ strategy: z.literal('native-key'), header: z.string().min(1).optional() }),
      z.object({ strategy: z.literal('lookup') }),
      z.object({ strategy: z.literal('none') }),
    ],
    { error: 'must be { strategy: "native-key" | "lookup" | "none" }' },
  ),
});

const zodSchema = z.custom<z.ZodType>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function',
  { error: 'must be a zod schema' },
);

const DefinitionSchema = z.object({
  specificationVersion: z.literal('v1', { error: 'must be "v1" (this core implements adapter spec v1)' }).optional(),
  platform: NetworkIdSchema,
  displayName: z.string().min(1, { error: 'must be a human name such as "Bluesky"' }),
  capabilities: CapabilitiesSchema,
  http: z.object({
    baseUrl: z.union([z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }), fn('account → base URL')]),
    headers: z.record(z.string(), z.string()).optional(),
    parseRateLimit: optionalFn('RateLimitParser'),
    staticLimits: z
      .array(
        z.object({
          bucket: z.string().min(1),
          limit: z.number().int().positive(),
          windowMs: z.number().int().positive(),
          resetsAtMidnightIn: z.string().optional(),
        }),
      )
      .optional(),
    mapError: optionalFn('response → ErrorMapping'),
    idempotencyKeyHeader: z.string().min(1).optional(),
    requestIdHeader: z.string().min(1).optional(),
  }),
  credentials: z.object({ schema: zodSchema, createProvider: fn('input → CredentialsProvider') }),
  networkOptionsSchema: zodSchema.optional(),
  doPublish: fn('doPublish'),
  doReply: optionalFn('doReply'),
  doDelete: fn('doDelete'),
  doGetPost: fn('doGetPost'),
  doListMentions: fn('doListMentions'),
  doGetPostMetrics: fn('doGetPostMetrics'),
  doGetAccountMetrics: fn('doGetAccountMetrics'),
  doFindPublished: fn('doFindPublished'),
  doSendDirectMessage: optionalFn('doSendDirectMessage'),
});

// Checks across fields; run on the raw input (defensively) so they are reported together
// with the schema's own problems, every one at once.
function crossFieldIssues(definition: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const capabilities = (definition.capabilities ?? {}) as Record<string, unknown>;
  const http = (definition.http ?? {}) as Record<string, unknown>;
  if (capabilities.directMessages === true && typeof definition.doSendDirectMessage !== 'function') {
    issues.push({
      path: ['doSendDirectMessage'],
      code: 'custom',
      message: 'capabilities.directMessages is true: implement doSendDirectMessage, or set it to false',
    });
  }
  if (Array.isArray(capabilities.visibilities) && !capabilities.visibilities.includes('public')) {
    issues.push({ path: ['capabilities', 'visibilities'], code: 'custom', message: 'must include "public"' });
  }
  const idempotency = capabilities.idempotency as { strategy?: unknown; header?: unknown } | undefined;
  if (idempotency?.strategy === 'native-key' && !idempotency.header && !http.idempotencyKeyHeader) {
    issues.push({
      path: ['capabilities', 'idempotency', 'header'],
      code: 'custom',
      message: 'the native-key strategy needs a header name: set capabilities.idempotency.header or http.idempotencyKeyHeader',
    });
  }
  return issues;
}

/**
 * Validates an adapter definition and returns it as an {@link AdapterV1}, frozen. A bad
 * definition throws a `ValidationError` listing every problem (missing operation, unknown
 * metric name, a native-key strategy without a header, …), so mistakes show when the
 * adapter is created, not when a post goes out.
 *
 * @example
 * ```ts
 * export function createMyNetworkAdapter(settings: { baseUrl: string }) {
 *   return defineAdapter({
 *     platform: 'my-network',
 *     displayName: 'My Network',
 *     capabilities: {
 *       content: { text: { id: 'my-network', method: 'graphemes', maxLength: 500 }, media: { maxItems: 4, kinds: ['image'] }, threads: true },
 *       visibilities: ['public'], replies: true, delete: true, edit: false, polls: false, firstComment: false,
 *       nativeScheduling: false, directMessages: false, mentionKinds: ['mention', 'reply'],
 *       postMetrics: ['likes', 'shares', 'comments'], accountMetrics: ['followers'],
 *       idempotency: { strategy: 'lookup' },
 *     },
 *     http: { baseUrl: settings.baseUrl },
 *     credentials: {
 *       schema: z.object({ token: z.string() }),
 *       createProvider: ({ credentials }) => ({ getHeaders: () => ({ authorization: `Bearer ${credentials.token}` }), secrets: () => [credentials.token] }),
 *     },
 *     async doPublish({ draft }, { http, idempotencyKey }) {
 *       const { data } = await http.request<{ id: string }>({ method: 'POST', path: '/posts', json: { text: draft.text, marker: idempotencyKey } });
 *       return { parts: [{ id: data.id }] };
 *     },
 *     // doDelete, doGetPost, doListMentions, doGetPostMetrics, doGetAccountMetrics, doFindPublished …
 *   });
 * }
 * ```
 */
export function defineAdapter<TOptions = unknown, TCredentials = unknown>(
  definition: AdapterDefinition<TOptions, TCredentials>,
): AdapterV1<TOptions, TCredentials> {
  const subject = `adapter definition${typeof definition?.platform === 'string' ? ` "${definition.platform}"` : ''}`;
  const result = DefinitionSchema.safeParse(definition);
  const issues = [
    ...(result.success ? [] : toValidationIssues(result.error.issues)),
    ...(typeof definition === 'object' && definition !== null ? crossFieldIssues(definition as unknown as Record<string, unknown>) : []),
  ];
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return Object.freeze({ ...definition, specificationVersion: 'v1' as const });
}

/**
 * Whether `value` is an adapter this core can use (any supported specification version).
 *
 * @example
 * ```ts
 * if (!isAdapter(plugin)) throw new Error('not an smm adapter');
 * ```
 */
export function isAdapter(value: unknown): value is Adapter {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { specificationVersion?: unknown }).specificationVersion === 'v1' &&
    typeof (value as { platform?: unknown }).platform === 'string'
  );
}
