import { distance } from 'fastest-levenshtein';

/**
 * Words a newcomer reaches for that mean one of smm's keys (`body` for a draft's `text`). Used
 * only when that key exists where the unknown one was found, and the input does not set it.
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  text: ['body', 'content', 'message', 'status', 'caption', 'description', 'post', 'tweet', 'msg'],
  media: ['images', 'image', 'attachments', 'attachment', 'files', 'file', 'photos', 'photo', 'videos', 'video'],
  link: ['url', 'href', 'uri'],
  thread: ['replies', 'parts', 'followUps'],
  adapters: ['networks', 'platforms', 'plugins'],
  credentials: ['tokens', 'token', 'auth', 'secrets'],
  baseUrl: ['instance', 'server', 'host', 'url', 'endpoint'],
};

/** Lowercase without `_` and `-`: `base_url`, `BaseURL` and `baseUrl` are the same word. */
function normalize(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

/** The word in the singular, roughly: `savedReplies` and `savedReply` meet at `savedreply`. */
function singular(word: string): string {
  return word.replace(/ies$/, 'y').replace(/s$/, '');
}

/** The letters of a word in order: two swapped letters (`tetx`) give the same. */
function letters(word: string): string {
  return [...word].sort().join('');
}

/**
 * The known key an unknown one most likely meant: the same word in another case or with
 * underscores, a close spelling (a typo, a missing plural `s`), or a common synonym (`body` →
 * `text`), the key without its unit (`timeout` → `timeoutMs`). `undefined` when nothing is close enough to be a useful guess.
 *
 * @param key - the unknown key the caller wrote.
 * @param known - the keys accepted there (leave out the ones the input already sets).
 * @example
 * ```ts
 * suggestKey('adapter', ['adapters', 'accounts', 'credentials']); // 'adapters'
 * suggestKey('body', ['text', 'media', 'link']); // 'text'
 * suggestKey('colour', ['text', 'media']); // undefined
 * ```
 */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  const wanted = normalize(key);
  const same =
    known.find((candidate) => normalize(candidate) === wanted) ??
    known.find((candidate) => singular(normalize(candidate)) === singular(wanted)) ??
    known.find((candidate) => letters(normalize(candidate)) === letters(wanted));
  if (same !== undefined) return same;
  // One edit in 4 characters at most: `adapter` → `adapters`, `credentails` → `credentials`.
  let best: { key: string; edits: number } | undefined;
  for (const candidate of known) {
    const edits = distance(wanted, normalize(candidate));
    if (edits <= Math.max(1, Math.floor(Math.min(wanted.length, candidate.length) / 4)) && (best === undefined || edits < best.edits)) {
      best = { key: candidate, edits };
    }
  }
  if (best !== undefined) return best.key;
  // The key without its unit or ending: `timeout` → `timeoutMs`, `pollInterval` → `pollIntervalMs`.
  const longer = wanted.length >= 4 ? known.filter((candidate) => normalize(candidate).startsWith(wanted)) : [];
  if (longer.length === 1) return longer[0];
  return known.find((candidate) => SYNONYMS[candidate]?.some((synonym) => normalize(synonym) === wanted));
}

/**
 * The message for a key a strict options object does not accept: names the likely fix, or lists
 * what is accepted. Every "unknown option" message in smm is made here, so they read the same.
 *
 * @param key - the unknown key.
 * @param known - the keys accepted there.
 * @param unset - of those, the ones the input does not set (the only ones worth suggesting).
 * @example
 * ```ts
 * unknownKeyMessage('adapter', ['adapters', 'accounts'], ['adapters']); // 'unknown option — did you mean `adapters`?'
 * unknownKeyMessage('colour', ['text', 'media'], ['media']); // 'unknown option: the options here are `text`, `media`'
 * ```
 */
export function unknownKeyMessage(key: string, known: readonly string[], unset: readonly string[] = known): string {
  const suggestion = suggestKey(key, unset);
  if (suggestion !== undefined) return `unknown option — did you mean \`${suggestion}\`?`;
  return `unknown option: the options here are ${known.map((name) => `\`${name}\``).join(', ')}`;
}
