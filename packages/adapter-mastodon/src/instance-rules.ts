import type { PublishInput } from '@smm/core/adapter-kit';
import { CONTENT_RULES, countLength } from '@smm/core/adapter-kit';
import type { MastodonOptions } from './network-options.js';
import type { MastodonAdapterSettings } from './settings.js';
import { rootText } from './status-params.js';

/** One problem with a draft, as ValidationError reports it. @internal */
export interface DraftIssue {
  path: Array<string | number>;
  code: string;
  message: string;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemeLength = (text: string) => [...graphemes.segment(text)].length;
// Alt text within `description_limit` is core's check, from capabilities.content.media.maxAltTextLength.
const partPath = (index: number): Array<string | number> => (index === 0 ? [] : ['thread', index - 1]);

/**
 * What the instance would refuse in a draft, found before any request so a thread is never left
 * half published (https://docs.joinmastodon.org/methods/statuses/#create and the instance's
 * `configuration`): each status's content warning and text together within `max_characters`
 * (Mastodon counts both), and the poll's options (2 to
 * `polls.max_options`, each within `max_characters_per_option`, no duplicates) and duration
 * (`min_expiration` to `max_expiration`). @internal
 *
 * @example
 * ```ts
 * instanceIssues({ draft, poll: { options: ['only'], durationMs: 3_600_000 } }, settings)[0]?.path; // ['poll', 'options']
 * ```
 */
export function instanceIssues(
  input: Pick<PublishInput<MastodonOptions>, 'draft' | 'poll' | 'networkOptions'>,
  settings: MastodonAdapterSettings,
): DraftIssue[] {
  const { draft, poll } = input;
  const issues: DraftIssue[] = [];
  const rule = { ...CONTENT_RULES.mastodon.text, maxLength: settings.maxCharacters };
  const spoiler = input.networkOptions?.spoilerText ?? '';
  const parts = [{ text: rootText(draft), media: draft.media }, ...draft.thread];
  for (const [index, part] of parts.entries()) {
    const length = countLength(`${spoiler}${part.text}`, rule);
    if (length > rule.maxLength) {
      issues.push({
        path: spoiler === '' && index === 0 ? ['link'] : [...partPath(index), 'text'],
        code: 'text_too_long',
        message:
          spoiler === ''
            ? `text with the link appended is ${length} of ${rule.maxLength} allowed: shorten the text by ${length - rule.maxLength}, or put the link in the text`
            : `content warning and text together are ${length} of ${rule.maxLength} allowed (Mastodon counts both): shorten them by ${length - rule.maxLength}`,
      });
    }
  }
  if (poll) issues.push(...pollIssues(poll, settings.polls));
  return issues;
}

function pollIssues(poll: NonNullable<PublishInput['poll']>, limits: MastodonAdapterSettings['polls']): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const issue = (path: Array<string | number>, code: string, message: string) => issues.push({ path: ['poll', ...path], code, message });
  // Mastodon strips each option and drops blank ones before counting them.
  const options = poll.options.map((option) => option.trim());
  if (options.filter((option) => option !== '').length < 2) issue(['options'], 'poll_too_few_options', 'a poll needs at least 2 options');
  if (options.length > limits.maxOptions) {
    issue(
      ['options'],
      'poll_too_many_options',
      `the instance allows at most ${limits.maxOptions} options: remove ${options.length - limits.maxOptions}`,
    );
  }
  options.forEach((option, index) => {
    const length = graphemeLength(option);
    if (length > limits.maxCharactersPerOption) {
      issue(
        ['options', index],
        'poll_option_too_long',
        `is ${length} of ${limits.maxCharactersPerOption} characters the instance allows per option`,
      );
    }
  });
  if (new Set(options).size !== options.length) issue(['options'], 'poll_duplicate_options', 'options must differ from each other');
  const seconds = Math.round(poll.durationMs / 1000);
  if (seconds < limits.minExpirationSeconds || seconds > limits.maxExpirationSeconds) {
    issue(
      ['durationMs'],
      'poll_duration_out_of_range',
      `must be between ${limits.minExpirationSeconds} and ${limits.maxExpirationSeconds} seconds on this instance (it is ${seconds})`,
    );
  }
  return issues;
}
