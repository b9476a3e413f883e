import type { z } from 'zod';
import { ValidationError, suggestKey, unknownKeyMessage, type ValidationIssue } from '../errors/index.js';
import { AccountSchema, type Account } from './account.js';
import { MediaRefSchema, type MediaRef } from './media-ref.js';
import { MentionSchema, type Mention } from './mention.js';
import { MetricSnapshotSchema, type MetricSnapshot } from './metric-snapshot.js';
import { pageSchema, type Page } from './page.js';
import { PostDraftSchema, type PostDraft } from './post-draft.js';
import { PostRefSchema, PublishedPostSchema, type PostRef, type PublishedPost } from './post-ref.js';

/** A zod issue as smm reads it (`keys` on `unrecognized_keys` issues). */
type ZodIssueLike = { path: readonly PropertyKey[]; code?: string | undefined; message: string; keys?: readonly string[] };

/** Anything with a zod-style `safeParse`: a zod schema, or an adapter's own validator. */
export type SafeParser<T> = {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; code?: string | undefined; message: string }> } };
};

/** What parseWithSchema learnt about each unknown key while zod still held the schema and the input. */
interface UnknownKeyHint {
  message: string;
  /** The key the caller most likely meant; issues about it being missing are a consequence, not news. */
  meant?: string;
}

const plainPath = (path: readonly PropertyKey[]) => path.map((part) => (typeof part === 'symbol' ? String(part) : part));

/**
 * Turns zod's issues into smm's: a plain path and a message that names the fix. Unknown keys (a
 * strict object's `unrecognized_keys`) are listed first. {@link parseWithSchema} and
 * {@link safeParseWithSchema} go further: one issue per unknown key at its own path, with the key
 * it most likely meant, and without the problems the misspelling causes (`adapter` for a missing
 * `adapters`).
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
  return toIssues(issues, new WeakMap());
}

/** {@link toValidationIssues}, naming unknown keys with what parseWithSchema learnt about them. */
function toIssues(issues: ReadonlyArray<ZodIssueLike>, hints: WeakMap<readonly string[], Map<string, UnknownKeyHint>>): ValidationIssue[] {
  const unknown: ValidationIssue[] = [];
  const meant: Array<Array<string | number>> = [];
  const others: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = plainPath(issue.path);
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      const found = hints.get(issue.keys);
      // A schema with its own message for unknown keys (a variant's) keeps it, where it put it.
      if (found === undefined) {
        unknown.push({ path, code: issue.code, message: issue.message });
        continue;
      }
      for (const key of issue.keys) {
        const hint = found?.get(key);
        unknown.push({
          path: [...path, key],
          code: 'unrecognized_keys',
          message: hint?.message ?? 'unknown option: remove it or check its spelling',
        });
        if (hint?.meant !== undefined) meant.push([...path, hint.meant]);
      }
      continue;
    }
    // A schema that is not zod may give no code.
    others.push({ path, code: issue.code ?? 'invalid', message: issue.message });
  }
  const explained = (issue: ValidationIssue) => meant.some((prefix) => prefix.every((part, index) => issue.path[index] === part));
  return [...unknown, ...others.filter((issue) => !explained(issue))];
}

/** Keys an object schema accepts, read from the schema that reported an unknown key. */
function shapeKeys(schema: unknown): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Parses `input` with any zod schema; returns the typed value or throws a
 * {@link ValidationError} that lists every problem with its path. Other modules use it to
 * validate their options eagerly. A key a strict object does not know is named, with the key it
 * most likely meant (`adapter: unknown option — did you mean \`adapters\`?`).
 *
 * @param subject - what the input is, for the message (`'PostDraft'`, `'createHttpClient options'`).
 * @example
 * ```ts
 * const options = parseWithSchema(MyOptionsSchema, input, 'createWidget options');
 * ```
 */
export function parseWithSchema<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const result = safeParseWithSchema(schema as SafeParser<z.output<S>>, input);
  if (result.success) return result.data;
  throw new ValidationError(subject, result.issues);
}

/**
 * {@link parseWithSchema} without the throw: the value, or smm's issues (unknown keys named
 * first, with the key each most likely meant), for a caller that gathers problems from several
 * inputs into one {@link ValidationError}.
 *
 * @example
 * ```ts
 * const result = safeParseWithSchema(adapter.credentials.schema, stored);
 * if (!result.success) problems.push(...result.issues);
 * ```
 */
export function safeParseWithSchema<T>(
  schema: SafeParser<T>,
  input: unknown,
): { success: true; data: T } | { success: false; issues: ValidationIssue[] } {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  if (!result.error.issues.some((issue) => issue.code === 'unrecognized_keys')) {
    return { success: false, issues: toIssues(result.error.issues, new WeakMap()) };
  }
  // An unknown key: parse again with an error map, called while zod still holds the object
  // schema and its input (the only moment both are known), to name the key meant. Only on this
  // rare path: zod's fast path is off while an error map is given.
  const hints = new WeakMap<readonly string[], Map<string, UnknownKeyHint>>();
  const safeParse = schema.safeParse as (
    input: unknown,
    context: z.core.ParseContext<z.core.$ZodIssue>,
  ) => ReturnType<SafeParser<T>['safeParse']>;
  const again = safeParse.call(schema, input, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const known = shapeKeys(issue.inst);
      const given = issue.input !== null && typeof issue.input === 'object' ? (issue.input as Record<string, unknown>) : {};
      const unset = known.filter((key) => given[key] === undefined);
      const found = new Map<string, UnknownKeyHint>();
      for (const key of issue.keys) {
        const meant = suggestKey(key, unset);
        found.set(
          key,
          meant === undefined
            ? { message: unknownKeyMessage(key, known, unset) }
            : { message: unknownKeyMessage(key, known, unset), meant },
        );
      }
      hints.set(issue.keys, found);
      return undefined;
    },
  });
  return again.success ? { success: true, data: again.data } : { success: false, issues: toIssues(again.error.issues, hints) };
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
