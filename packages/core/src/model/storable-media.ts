import type { ValidationIssue } from '../errors/index.js';
import type { PostDraft } from './post-draft.js';

/**
 * Media a store cannot keep: a Blob or stream lives only in this process, so a calendar entry or
 * scheduler job that outlives it could not read it. Returns one issue per such attachment.
 *
 * @example
 * ```ts
 * unstorableMedia(parsePostDraft({ media: [{ kind: 'image', mimeType: 'image/png', source: { type: 'blob', blob } }] }));
 * // [{ path: ['media', 0, 'source'], code: 'media_not_storable', message: '… store a file path or URL …' }]
 * ```
 */
export function unstorableMedia(draft: Pick<PostDraft, 'media' | 'thread'>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (media: PostDraft['media'], path: Array<string | number>) =>
    media.forEach((ref, index) => {
      if (ref.from && ref.from.type !== 'file') {
        issues.push({
          path: [...path, index, 'source'],
          code: 'media_not_storable',
          message: `a ${ref.from.type} source lives only in this process and cannot be kept for later: store a file path ({ type: 'file', path }) or a URL instead`,
        });
      }
    });
  check(draft.media, ['media']);
  draft.thread.forEach((part, index) => check(part.media, ['thread', index, 'media']));
  return issues;
}
