import { z } from 'zod';
import type { Adapter, AdapterV1PostRefOutput, AdapterV1PublishOutput } from '../adapter-spec/index.js';
import { ValidationError } from '../errors/index.js';
import {
  PublishedPostSchema,
  parseWithSchema,
  type Account,
  type CanonicalMetric,
  type MetricSnapshot,
  type PostRef,
  type PublishedPost,
} from '../model/index.js';

// What adapters return is parsed with the model's schemas: a malformed output is an adapter
// bug, reported as such, never passed on to the app.

/**
 * @internal Parses one adapter output with a model schema.
 *
 * @example
 * ```ts
 * parseAdapterOutput(MentionSchema, value, adapter, 'doListMentions');
 * ```
 */
export function parseAdapterOutput<T>(schema: z.ZodType<T>, value: unknown, adapter: Adapter, operation: string): T {
  return parseWithSchema(schema, value, `output of the ${adapter.platform} adapter's ${operation} (an adapter bug)`) as T;
}

/**
 * @internal A post reference with `platform` and `accountId` filled from the account when left out.
 *
 * @example
 * ```ts
 * toPostRef({ id: '42' }, account); // { id: '42', platform: 'x', accountId: '1460…' }
 * ```
 */
export function toPostRef(ref: AdapterV1PostRefOutput, account: Account): PostRef {
  // Object.assign, not `{ ...ref, platform, accountId }`: a spread copy that gains properties
  // the source lacked is about 50 times slower in V8 (Node 20), and every publish makes one.
  return Object.assign({}, ref, { platform: ref.platform ?? account.platform, accountId: ref.accountId ?? account.id });
}

/**
 * @internal A publish output as a `PublishedPost`: parts filled, `publishedAt` defaulting to `now`.
 *
 * @example
 * ```ts
 * toPublishedPost({ parts: [{ id: '1' }] }, { adapter, account }, 'doPublish', clock.now(), key);
 * ```
 */
export function toPublishedPost(
  out: AdapterV1PublishOutput | null | undefined,
  target: { adapter: Adapter; account: Account },
  operation: string,
  nowMs: number,
  idempotencyKey?: string,
): PublishedPost {
  const { account } = target;
  const value =
    out && typeof out === 'object' && Array.isArray(out.parts)
      ? {
          platform: account.platform,
          accountId: account.id,
          parts: out.parts.map((part) => (part && typeof part === 'object' ? toPostRef(part, account) : part)),
          publishedAt: out.publishedAt ?? new Date(nowMs).toISOString(),
          ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        }
      : out;
  return parseAdapterOutput(PublishedPostSchema, value, target.adapter, operation);
}

/**
 * @internal Refuses a snapshot that reports metrics the adapter's capabilities do not declare.
 *
 * @example
 * ```ts
 * checkDeclaredMetrics(snapshot, adapter.capabilities.postMetrics, adapter, 'doGetPostMetrics');
 * ```
 */
export function checkDeclaredMetrics(
  snapshot: MetricSnapshot,
  declared: readonly CanonicalMetric[],
  adapter: Adapter,
  operation: string,
): MetricSnapshot {
  const undeclared = Object.keys(snapshot.metrics).filter((name) => !declared.includes(name as CanonicalMetric));
  if (undeclared.length > 0) {
    throw new ValidationError(`output of the ${adapter.platform} adapter's ${operation} (an adapter bug)`, [
      {
        path: ['metrics'],
        code: 'undeclared_metric',
        message: `reports ${undeclared.join(', ')}, which its capabilities do not declare: declare them or leave them out`,
      },
    ]);
  }
  return snapshot;
}

const AdapterWarningsSchema = z.array(
  z.object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'must be a snake_case warning code' }),
    message: z.string().min(1, { error: 'must say what happened' }),
  }),
);

/**
 * @internal The warnings an adapter reported with a publish answer (spec v1.1), checked: a
 * malformed one is an adapter bug, reported as such. None when the answer carries none.
 *
 * @example
 * ```ts
 * warnings.push(...adapterWarnings(out, binding.adapter, 'doPublish'));
 * ```
 */
export function adapterWarnings(out: unknown, adapter: Adapter, operation: string): Array<{ code: string; message: string }> {
  const reported = out && typeof out === 'object' ? (out as { warnings?: unknown }).warnings : undefined;
  if (reported === undefined) return [];
  return parseAdapterOutput(AdapterWarningsSchema, reported, adapter, operation).map(({ code, message }) => ({ code, message }));
}
