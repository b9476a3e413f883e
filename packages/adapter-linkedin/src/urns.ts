/**
 * LinkedIn URNs: `urn:li:person:{id}` for members, `urn:li:organization:{id}` for Pages,
 * `urn:li:share:{id}` / `urn:li:ugcPost:{id}` for posts, `urn:li:comment:({post},{id})` for comments.
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/urns
 */

/** An author: a member or an organisation. */
export const AUTHOR_URN = /^urn:li:(person|organization):[^\s:]+$/;

/** Whether an account id (its author URN) is an organisation. @internal */
export function isOrganization(urn: string): boolean {
  return urn.startsWith('urn:li:organization:');
}

/**
 * A URN as one path segment or one Rest.li 2.0 list item: URL-encoded, parentheses and commas
 * too (Rest.li 2.0 reads `(`, `)` and `,` in a key as its own syntax).
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version
 *
 * @example
 * ```ts
 * encodeUrn('urn:li:comment:(urn:li:share:1,2)'); // 'urn%3Ali%3Acomment%3A%28urn%3Ali%3Ashare%3A1%2C2%29'
 * ```
 */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** The public address of a post. @internal */
export function postUrl(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

/** Whether a post ref id names a comment (a reply) rather than a post. @internal */
export function isCommentUrn(urn: string): boolean {
  return urn.startsWith('urn:li:comment:');
}
