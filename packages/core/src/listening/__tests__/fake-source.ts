import type { Clock } from '../../clock/index.js';
import type { Account, Mention, Page } from '../../model/index.js';
import type { MentionSource } from '../sources.js';

/** An item on a fake network: visible to the API from `visibleAt` (ms) on. */
export interface TimelineItem {
  mention: Mention;
  visibleAt?: number;
}

export interface FakeCall {
  account: string;
  at: number;
  cursor: string | null | undefined;
  since: string | undefined;
}

/**
 * A fake network API: per account, a timeline of items; `listMentions` answers the visible
 * items created at or after `since`, newest first, `pageSize` per page (cursor = offset).
 * `intercept` can throw (a rate limit) before a call is answered.
 */
export function createFakeSource(
  clock: Clock,
  timelines: Record<string, TimelineItem[]>,
  options: { pageSize?: number; intercept?: (call: FakeCall, callIndex: number) => void } = {},
): MentionSource & { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const pageSize = options.pageSize ?? 3;
  return {
    calls,
    async listMentions(account: Account, { cursor, since }): Promise<Page<Mention>> {
      const key = `${account.platform}:${account.id}`;
      const call = { account: key, at: clock.now(), cursor, since };
      const index = calls.filter((earlier) => earlier.account === key).length;
      calls.push(call);
      options.intercept?.(call, index);
      const sinceMs = since === undefined ? -Infinity : Date.parse(since);
      const visible = (timelines[key] ?? [])
        .filter((item) => (item.visibleAt ?? Date.parse(item.mention.createdAt)) <= clock.now())
        .filter((item) => Date.parse(item.mention.createdAt) >= sinceMs)
        .map((item) => item.mention)
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
      const offset = cursor ? Number(cursor) : 0;
      const end = offset + pageSize;
      return { items: visible.slice(offset, end), nextCursor: end < visible.length ? String(end) : null };
    },
  };
}
