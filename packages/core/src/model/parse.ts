import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/index.js';
import { AccountSchema, type Account } from './account.js';
import { MediaRefSchema, type MediaRef } from './media-ref.js';
import { MentionSchema, type Mention } from './mention.js';
import { MetricSnapshotSchema, type MetricSnapshot } from './metric-snapshot.js';
import { pageSchema, type Page } from './page.js';
import { PostDraftSchema, type PostDraft } from './post-draft.js';
import { PostRefSchema, PublishedPostSchema, type PostRef, type PublishedPost } from './post-ref.js';

/**
 * Turns zod's issues into smm's: a plain path and a message that names the fix.
 *
 * @example
 * ```ts
 * const result = AccountSchema.safeParse(input);
 * if (!result.success) console.log(toValidationIssues(result.error.issues));
 * ```
 */
export function toValidationIssues(
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; code?: string | undefined; message: string }>,
): ValidationIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    // A schema that is not zod may give no code.
    code: issue.code ?? 'invalid',
    message: issue.message,
  }));
}

/**
 * Parses `input` with any zod schema; returns the typed value or throws a
 * {@link ValidationError} that lists every problem with its path. Other modules use it to
 * validate their options eagerly.
 *
 * @param subject - what the input is, for the message (`'PostDraft'`, `'createHttpClient options'`).
 * @example
 * ```ts
 * const options = parseWithSchema(MyOptionsSchema, input, 'createWidget options');
 * ```
 */
export function parseWithSchema<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(subject, toValidationIssues(result.error.issues));
}

/**
 * Validates a post draft and applies defaults.
 *
 * @throws ValidationError listing every problem, e.g. `text: must be the post text as a string`.
 * @example
 * ```ts
 * const draft = parsePostDraft({ text: 'Hello from smm 👋', tags: ['launch'] });
 * draft.media; // []
 * ```
 */
export function parsePostDraft(input: unknown): PostDraft {
  return parseWithSchema(PostDraftSchema, input, 'PostDraft') as PostDraft;
}

/**
 * Validates an account and applies defaults (`timeZone: 'UTC'`).
 *
 * @example
 * ```ts
 * const account = parseAccount({ platform: 'bluesky', id: 'did:plc:abc', handle: 'smm.bsky.social', timeZone: 'Europe/Bucharest' });
 * ```
 */
export function parseAccount(input: unknown): Account {
  return parseWithSchema(AccountSchema, input, 'Account');
}

/**
 * Validates a media reference.
 *
 * @example
 * ```ts
 * parseMediaRef({ kind: 'image', source: { type: 'url', url: 'https://cdn.example/a.jpg' }, mimeType: 'image/jpeg', altText: 'A red bike' });
 * ```
 */
export function parseMediaRef(input: unknown): MediaRef {
  return parseWithSchema(MediaRefSchema, input, 'MediaRef');
}

/**
 * Validates a post reference.
 *
 * @example
 * ```ts
 * parsePostRef({ platform: 'mastodon', id: '109372843234', url: 'https://mastodon.social/@smm/109372843234' });
 * ```
 */
export function parsePostRef(input: unknown): PostRef {
  return parseWithSchema(PostRefSchema, input, 'PostRef');
}

/**
 * Validates a published-post record.
 *
 * @example
 * ```ts
 * parsePublishedPost({ platform: 'x', accountId: '12', parts: [{ platform: 'x', id: '1850' }], publishedAt: '2026-01-05T09:00:00Z' });
 * ```
 */
export function parsePublishedPost(input: unknown): PublishedPost {
  return parseWithSchema(PublishedPostSchema, input, 'PublishedPost');
}

/**
 * Validates a mention.
 *
 * @example
 * ```ts
 * parseMention({ id: '1', platform: 'x', accountId: '12', kind: 'reply', author: { id: '9', handle: 'ana' }, text: 'Hi', createdAt: '2026-01-05T09:00:00Z' });
 * ```
 */
export function parseMention(input: unknown): Mention {
  return parseWithSchema(MentionSchema, input, 'Mention');
}

/**
 * Validates a metric snapshot.
 *
 * @example
 * ```ts
 * parseMetricSnapshot({
 *   subject: { type: 'post', platform: 'x', accountId: '12', postId: '1850' },
 *   observedAt: '2026-01-05T10:00:00Z',
 *   metrics: { likes: { value: 4, platformName: 'like_count' } },
 * });
 * ```
 */
export function parseMetricSnapshot(input: unknown): MetricSnapshot {
  return parseWithSchema(MetricSnapshotSchema, input, 'MetricSnapshot');
}

/**
 * Validates one page of items with the schema of its items.
 *
 * @example
 * ```ts
 * const page = parsePage(MentionSchema, { items: [], nextCursor: null });
 * ```
 */
export function parsePage<S extends z.ZodType>(item: S, input: unknown): Page<z.output<S>> {
  return parseWithSchema(pageSchema(item), input, 'Page') as Page<z.output<S>>;
}
