import { ApiCallError, ValidationError, type ValidationIssue } from '@smm/core/adapter-kit';
import { readMastodonErrorBody } from './error-mapping.js';

/** Where in the draft a thread part lives: the root is the draft itself, part n is `thread[n-1]`. @internal */
export function partPath(index: number): Array<string | number> {
  return index === 0 ? [] : ['thread', index - 1];
}

// Mastodon's validation messages ("Validation failed: Text character limit of 500 exceeded")
// name the field; map it to the draft field a person would fix.
const FIELDS: Array<{ pattern: RegExp; path: (index: number) => Array<string | number>; code: string }> = [
  { pattern: /\btext\b|character limit/i, path: (index) => [...partPath(index), 'text'], code: 'mastodon_text_refused' },
  { pattern: /media|file|attach/i, path: (index) => [...partPath(index), 'media'], code: 'mastodon_media_refused' },
  { pattern: /scheduled/i, path: () => ['scheduledAt'], code: 'mastodon_schedule_refused' },
  { pattern: /poll/i, path: () => ['poll'], code: 'mastodon_poll_refused' },
  { pattern: /visibility/i, path: () => ['visibility'], code: 'mastodon_visibility_refused' },
  { pattern: /language/i, path: () => ['language'], code: 'mastodon_language_refused' },
  { pattern: /spoiler/i, path: () => ['networkOptions', 'mastodon', 'spoilerText'], code: 'mastodon_spoiler_refused' },
];

/**
 * When Mastodon refused a status for its content (422 "Validation failed: …"), a
 * `ValidationError` naming the draft field and Mastodon's reason, with the API error as its
 * cause; any other error comes back unchanged. Nothing was created. @internal
 */
export function asContentRefusal(error: unknown, index: number): unknown {
  if (!ApiCallError.isInstance(error) || error.status !== 422) return error;
  const reason = readMastodonErrorBody(error.body)?.error ?? error.message;
  const field = FIELDS.find((entry) => entry.pattern.test(reason));
  const issue: ValidationIssue = field
    ? { path: field.path(index), code: field.code, message: `Mastodon refused it: ${reason}` }
    : { path: partPath(index), code: 'mastodon_refused', message: `Mastodon refused the status: ${reason}` };
  return new ValidationError('post for Mastodon', [issue], { cause: error });
}
