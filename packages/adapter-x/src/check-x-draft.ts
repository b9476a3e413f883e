import type { PublishInput } from '@smm/core/adapter-kit';
import { ValidationError, type ValidationIssue } from '@smm/core/adapter-kit';
import { TEXT_RULES } from '@smm/core/adapter-kit';
import type { XOptions } from './network-options.js';
import { composeRootText, weightedLength } from './post-text.js';

/**
 * X's poll limits: 2–4 options of up to 25 characters, open 5 minutes to 7 days.
 *
 * @example
 * ```ts
 * await client.publish('x:1460000000000000001', { text: 'Tea or coffee?' }, { poll: { options: ['Tea', 'Coffee'], durationMs: X_POLL_LIMITS.maxMinutes * 60_000 } });
 * ```
 */
export const X_POLL_LIMITS = { minOptions: 2, maxOptions: 4, maxOptionLength: 25, minMinutes: 5, maxMinutes: 7 * 24 * 60 } as const;

/**
 * What X refuses that core's capability check cannot see (poll limits, fields X makes mutually
 * exclusive, the text once the link is appended): every problem at once, before any request,
 * so nothing is half-published. @internal
 */
export function checkXDraft(input: PublishInput<XOptions>): void {
  const { draft, poll } = input;
  const options = input.networkOptions ?? {};
  const issues: ValidationIssue[] = [];
  const issue = (path: Array<string | number>, code: string, message: string) => issues.push({ path, code, message });

  if (draft.link !== undefined) {
    const text = composeRootText(draft);
    const length = weightedLength(text);
    if (length > TEXT_RULES.x.maxLength) {
      issue(
        ['link'],
        'text_too_long',
        `text with the link appended is ${length} of ${TEXT_RULES.x.maxLength} allowed (x-weighted): shorten the text by ${length - TEXT_RULES.x.maxLength}`,
      );
    }
  }
  if (poll) {
    const { minOptions, maxOptions, maxOptionLength, minMinutes, maxMinutes } = X_POLL_LIMITS;
    if (poll.options.length < minOptions || poll.options.length > maxOptions) {
      issue(['poll', 'options'], 'poll_options_count', `X polls take ${minOptions} to ${maxOptions} options, got ${poll.options.length}`);
    }
    poll.options.forEach((option, index) => {
      const length = [...option].length;
      if (length === 0 || length > maxOptionLength)
        issue(
          ['poll', 'options', index],
          'poll_option_length',
          `option ${index + 1} is ${length} characters: X takes 1 to ${maxOptionLength}`,
        );
    });
    const minutes = poll.durationMs / 60_000;
    if (!Number.isInteger(minutes) || minutes < minMinutes || minutes > maxMinutes) {
      issue(
        ['poll', 'durationMs'],
        'poll_duration',
        `X polls stay open ${minMinutes} minutes to 7 days, in whole minutes (got ${poll.durationMs} ms)`,
      );
    }
    if (draft.media.length > 0) issue(['poll'], 'poll_with_media', 'X does not take a poll and media on the same post: remove one');
  }
  if (options.quoteTweetId !== undefined) {
    if (draft.media.length > 0)
      issue(['networkOptions', 'x', 'quoteTweetId'], 'quote_with_media', 'X does not take a quote and media on the same post: remove one');
    if (poll)
      issue(['networkOptions', 'x', 'quoteTweetId'], 'quote_with_poll', 'X does not take a quote and a poll on the same post: remove one');
  }
  if (options.excludeReplyUserIds !== undefined && draft.replyTo === undefined) {
    issue(
      ['networkOptions', 'x', 'excludeReplyUserIds'],
      'exclude_without_reply',
      'excludeReplyUserIds only applies to a reply: set replyTo or remove it',
    );
  }
  if (options.taggedUserIds !== undefined && draft.media.length === 0) {
    issue(['networkOptions', 'x', 'taggedUserIds'], 'tags_without_media', 'taggedUserIds tags people in media: attach media or remove it');
  }
  if (issues.length > 0) throw new ValidationError('PostDraft for X', issues);
}
