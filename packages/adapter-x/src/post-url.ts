import type { Account } from '@smm/core/adapter-kit';

/** The public web address of a post. @internal */
export function postUrl(id: string, handle?: string): string {
  return handle ? `https://x.com/${encodeURIComponent(handle)}/status/${id}` : `https://x.com/i/web/status/${id}`;
}

/** The public web address of one of the account's own posts. @internal */
export function ownPostUrl(id: string, account: Account): string {
  return postUrl(id, account.handle);
}
