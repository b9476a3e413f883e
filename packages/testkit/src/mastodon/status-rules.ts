// The parameter rules of POST /api/v1/statuses, as https://docs.joinmastodon.org/methods/statuses/#create
// documents them and Mastodon's Status, Poll and StatusLength validators enforce them, with
// the limits the instance reports in GET /api/v2/instance (`configuration`,
// https://docs.joinmastodon.org/entities/Instance/#configuration).

/** The instance limits a simulated Mastodon reports and enforces (`configuration.*`). */
export interface MastodonInstanceLimits {
  /** `statuses.max_characters` (default 500). */
  maxCharacters: number;
  /** `statuses.max_media_attachments` (default 4). */
  maxMediaAttachments: number;
  /** `statuses.characters_reserved_per_url` (default 23). */
  charactersReservedPerUrl: number;
  /** `media_attachments.description_limit` (default 1500). */
  descriptionLimit: number;
  /** `polls.*`: options per poll, characters per option, and the allowed duration in seconds. */
  polls: { maxOptions: number; maxCharactersPerOption: number; minExpiration: number; maxExpiration: number };
}

/** Mastodon's shipped defaults. */
export const DEFAULT_INSTANCE_LIMITS: MastodonInstanceLimits = {
  maxCharacters: 500,
  maxMediaAttachments: 4,
  charactersReservedPerUrl: 23,
  descriptionLimit: 1_500,
  polls: { maxOptions: 4, maxCharactersPerOption: 50, minExpiration: 300, maxExpiration: 2_629_746 },
};

/** The documented `visibility` values. */
export const STATUS_VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemeLength = (text: string) => [...graphemes.segment(text)].length;
const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
// `@user@domain` counts as `@user` (StatusLengthValidator#countable_text).
const REMOTE_MENTION = /(^|[^\w@])@(\w+)@[\w.-]+\w/g;

/**
 * How long Mastodon measures a status: content warning and text together, in graphemes, each
 * URL as `charactersReservedPerUrl` and a remote mention by its username only.
 *
 * @example
 * ```ts
 * countableLength('see https://example.com/a/very/long/path', 23); // 4 + 23
 * ```
 */
export function countableLength(text: string, charactersReservedPerUrl: number): number {
  const countable = text.replace(URL_PATTERN, 'x'.repeat(charactersReservedPerUrl)).replace(REMOTE_MENTION, '$1@$2');
  return graphemeLength(countable);
}

/** A poll as the request gives it: JSON `poll: { options, expires_in }` or form `poll[options][]`. */
export interface PollParams {
  options: unknown;
  expiresIn: unknown;
  multiple: unknown;
}

/** Reads the poll of a JSON or form body, or undefined when there is none. */
export function pollParams(body: Record<string, unknown>): PollParams | undefined {
  if (typeof body.poll === 'object' && body.poll !== null) {
    const poll = body.poll as Record<string, unknown>;
    return { options: poll.options, expiresIn: poll.expires_in, multiple: poll.multiple };
  }
  if (body['poll[options][]'] !== undefined || body['poll[expires_in]'] !== undefined) {
    return { options: body['poll[options][]'], expiresIn: body['poll[expires_in]'], multiple: body['poll[multiple]'] };
  }
  return undefined;
}

/** The poll's options as Mastodon keeps them: each stripped, blank ones dropped (Poll#prepare_options). */
export function pollOptions(poll: PollParams): string[] {
  const raw = poll.options === undefined ? [] : Array.isArray(poll.options) ? poll.options : [poll.options];
  return raw.map((option) => String(option).trim()).filter((option) => option !== '');
}

/**
 * What Mastodon's Poll validations say about a poll, in its order and words (each prefixed
 * `Poll` in the 422's `Validation failed: …`).
 */
export function pollErrors(poll: PollParams, limits: MastodonInstanceLimits['polls']): string[] {
  const options = pollOptions(poll);
  const expiresIn = poll.expiresIn === undefined || poll.expiresIn === '' ? undefined : Math.trunc(Number(poll.expiresIn));
  const errors: string[] = [];
  if (options.length === 0) errors.push("Poll options can't be blank");
  if (expiresIn === undefined || !Number.isFinite(expiresIn)) errors.push("Poll expires at can't be blank");
  if (options.length < 2) errors.push('Poll options must have more than one item');
  if (options.length > limits.maxOptions) errors.push(`Poll options can't contain more than ${limits.maxOptions} items`);
  if (options.some((option) => graphemeLength(option) > limits.maxCharactersPerOption)) {
    errors.push(`Poll options cannot be longer than ${limits.maxCharactersPerOption} characters each`);
  }
  if (new Set(options).size !== options.length) errors.push('Poll options contain duplicate items');
  if (expiresIn !== undefined && Number.isFinite(expiresIn)) {
    if (expiresIn > limits.maxExpiration) errors.push('Poll expires at is too far into the future');
    if (expiresIn < limits.minExpiration) errors.push('Poll expires at is too soon');
  }
  return errors;
}

/**
 * What Mastodon's Status validations say about the status a request would create (text
 * present unless media is attached, content warning and text within `max_characters`, a
 * documented visibility, a valid poll), in its words; empty when it is valid.
 */
export function statusErrors(body: Record<string, unknown>, mediaCount: number, limits: MastodonInstanceLimits): string[] {
  const text = body.status === undefined || body.status === null ? '' : String(body.status);
  const spoiler = body.spoiler_text === undefined || body.spoiler_text === null ? '' : String(body.spoiler_text);
  // A lone content warning becomes the text (PostStatusService#preprocess_attributes!).
  const effective = text.trim() === '' && spoiler.trim() !== '' ? spoiler : text;
  const errors: string[] = [];
  if (effective.trim() === '' && mediaCount === 0) errors.push("Text can't be blank");
  const counted = effective === spoiler && text.trim() === '' ? spoiler : `${spoiler}${text}`;
  if (countableLength(counted, limits.charactersReservedPerUrl) > limits.maxCharacters) {
    errors.push(`Text character limit of ${limits.maxCharacters} exceeded`);
  }
  if (body.visibility !== undefined && !(STATUS_VISIBILITIES as readonly string[]).includes(String(body.visibility))) {
    errors.push('Visibility is not included in the list');
  }
  const poll = pollParams(body);
  if (poll) errors.push(...pollErrors(poll, limits.polls));
  return errors;
}
