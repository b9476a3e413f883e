import { ValidationError } from '@smm/core/adapter-kit';

/** The collection of Bluesky posts. */
export const POST_COLLECTION = 'app.bsky.feed.post';

/** The parts of an `at://<repo>/<collection>/<rkey>` URI. */
export interface AtUri {
  repo: string;
  collection: string;
  rkey: string;
}

const AT_URI = /^at:\/\/([^/?#]+)\/([a-zA-Z0-9.-]+)\/([A-Za-z0-9._~:-]{1,512})$/;

/**
 * Reads a post's `at://` URI (a `PostRef.id` of this network).
 *
 * @throws ValidationError when it is not `at://<did>/app.bsky.feed.post/<rkey>`.
 * @example
 * ```ts
 * parsePostUri('at://did:plc:abc/app.bsky.feed.post/3kabcdefghijk'); // { repo: 'did:plc:abc', collection: 'app.bsky.feed.post', rkey: '3kabcdefghijk' }
 * ```
 */
export function parsePostUri(uri: string, path: Array<string | number> = ['post', 'id']): AtUri {
  const match = AT_URI.exec(uri);
  if (!match || match[2] !== POST_COLLECTION) {
    throw new ValidationError('Bluesky post reference', [
      { path, code: 'invalid_post_uri', message: `must be a post's at:// URI (at://<did>/${POST_COLLECTION}/<rkey>), got "${uri}"` },
    ]);
  }
  return { repo: match[1]!, collection: match[2], rkey: match[3]! };
}

/** The `at://` URI of a post record. @internal */
export function postUri(repo: string, rkey: string): string {
  return `at://${repo}/${POST_COLLECTION}/${rkey}`;
}

/** The post's address on the web app (`https://bsky.app/profile/<handle or did>/post/<rkey>`). @internal */
export function postWebUrl(webUrl: string, actor: string, rkey: string): string {
  return `${webUrl.replace(/\/+$/, '')}/profile/${encodeURIComponent(actor)}/post/${encodeURIComponent(rkey)}`;
}

/** A profile's address on the web app. @internal */
export function profileWebUrl(webUrl: string, actor: string): string {
  return `${webUrl.replace(/\/+$/, '')}/profile/${encodeURIComponent(actor)}`;
}
