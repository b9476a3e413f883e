import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/index.js';
import { adapterV1CapabilitiesSchema, type AdapterV1, type AdapterV1Schema } from '../adapter-spec/index.js';
import { NetworkIdSchema, safeParseWithSchema } from '../model/index.js';
import { mentionActionIssues } from './mention-action-issues.js';

/** What {@link defineAdapter} takes: an adapter of the current spec without its `specificationVersion`. */
export type AdapterDefinition<TOptions = unknown, TCredentials = unknown> = Omit<
  AdapterV1<TOptions, TCredentials>,
  'specificationVersion'
> & {
  specificationVersion?: 'v1';
};

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { error: `must be a function (${what})` });
const optionalFn = (what: string) => fn(what).optional();

const schemaLike = z.custom<AdapterV1Schema<unknown>>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function',
  { error: 'must be a schema with safeParse (a zod schema)' },
);

// v1.1: an optional connect flow, checked as strictly as the rest.
const ConnectSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('oauth2'),
      endpoints: fn('settings → OAuth endpoints'),
      defaultScopes: z.array(z.string().min(1)).readonly(),
      scopeSeparator: z.enum([' ', ','], { error: 'must be " " (RFC 6749 §3.3) or ","' }).optional(),
      pkce: z.enum(['S256', 'none'], { error: 'must be "S256" (RFC 7636) or "none"' }),
      clientAuthentication: z.enum(['client_secret_basic', 'client_secret_post'], {
        error: 'must be "client_secret_basic" or "client_secret_post" (how a client with a secret authenticates)',
      }),
      refresh: z.enum(['none', 'static', 'rotating'], { error: 'must be "none", "static" or "rotating"' }),
      clientIdParameter: z.string().min(1, { error: 'must be the client id parameter name, such as "client_key", or left out' }).optional(),
      readTokenResponse: optionalFn('readTokenResponse'),
      toCredentials: fn('token response → credentials'),
      tokensOf: fn('credentials → tokens'),
      registerApp: optionalFn('registerApp'),
      listConnectableAccounts: fn('listConnectableAccounts'),
    }),
    z.strictObject({
      kind: z.literal('app-password'),
      identifierLabel: z.string().min(1),
      login: fn('login'),
      listConnectableAccounts: fn('listConnectableAccounts'),
    }),
  ],
  { error: 'must have kind "oauth2" or "app-password"' },
);

const DefinitionSchema = z.object({
  specificationVersion: z.literal('v1', { error: 'must be "v1" (this core implements adapter spec v1)' }).optional(),
  platform: NetworkIdSchema,
  displayName: z.string().min(1, { error: 'must be a human name such as "Bluesky"' }),
  capabilities: adapterV1CapabilitiesSchema,
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
  credentials: z.object({ schema: schemaLike, createProvider: fn('input → CredentialsProvider') }),
  networkOptionsSchema: schemaLike.optional(),
  doPublish: fn('doPublish'),
  doReply: optionalFn('doReply'),
  doDelete: fn('doDelete'),
  doGetPost: fn('doGetPost'),
  doListMentions: fn('doListMentions'),
  doGetPostMetrics: fn('doGetPostMetrics'),
  doGetAccountMetrics: fn('doGetAccountMetrics'),
  doFindPublished: fn('doFindPublished'),
  doSendDirectMessage: optionalFn('doSendDirectMessage'),
  connect: ConnectSchema.optional(),
  doGetPublishStatus: optionalFn('doGetPublishStatus'),
  doGetPublicAccount: optionalFn('doGetPublicAccount'),
  doMentionAction: optionalFn('doMentionAction'),
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
  // v1.1: a pending answer is only useful if core can poll it, so the two come together.
  if (capabilities.pendingPublish !== undefined && typeof definition.doGetPublishStatus !== 'function') {
    issues.push({
      path: ['doGetPublishStatus'],
      code: 'custom',
      message: 'capabilities.pendingPublish is set: implement doGetPublishStatus (core polls it), or remove pendingPublish',
    });
  }
  if (capabilities.pendingPublish === undefined && typeof definition.doGetPublishStatus === 'function') {
    issues.push({
      path: ['capabilities', 'pendingPublish'],
      code: 'custom',
      message: 'doGetPublishStatus is implemented: declare capabilities.pendingPublish: { maxWaitMs } so core polls pending publishes',
    });
  }
  // v1.1: the capability and the operation come together, like directMessages.
  if ((capabilities.publicAccounts === true) !== (typeof definition.doGetPublicAccount === 'function')) {
    issues.push(
      capabilities.publicAccounts === true
        ? {
            path: ['doGetPublicAccount'],
            code: 'custom',
            message: 'capabilities.publicAccounts is true: implement doGetPublicAccount, or remove publicAccounts',
          }
        : {
            path: ['capabilities', 'publicAccounts'],
            code: 'custom',
            message: 'doGetPublicAccount is implemented: declare capabilities.publicAccounts: true',
          },
    );
  }
  issues.push(...mentionActionIssues(capabilities.mentionActions, definition.doMentionAction));
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
  const result = safeParseWithSchema(DefinitionSchema, definition);
  const issues = [
    ...(result.success ? [] : result.issues),
    ...(typeof definition === 'object' && definition !== null ? crossFieldIssues(definition as unknown as Record<string, unknown>) : []),
  ];
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return Object.freeze({ ...definition, specificationVersion: 'v1' as const });
}
