import ISO6391 from 'iso-639-1';

/**
 * The `language` to send for a BCP 47 tag: its primary subtag, lower-cased, when that is an ISO
 * 639-1 code (what https://docs.joinmastodon.org/methods/statuses/#create asks for); undefined
 * otherwise. Mastodon does not refuse a code it does not know: it files the status under the
 * account's default language instead, so an unknown one is better left out. @internal
 *
 * @example
 * ```ts
 * postingLanguage('fa-IR'); // 'fa'
 * postingLanguage('fil'); // undefined (ISO 639-2/3, not 639-1)
 * ```
 */
export function postingLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.split('-')[0]?.toLowerCase();
  return primary !== undefined && ISO6391.validate(primary) ? primary : undefined;
}

/** Whether `code` is an ISO 639-1 language code (any case). @internal */
export function isIso6391(code: string): boolean {
  return ISO6391.validate(code.toLowerCase());
}
