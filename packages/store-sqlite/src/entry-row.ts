import { entryDueAt, type CalendarEntry } from '@smm/core/schedule-store';

/** A row of the `entries` table as better-sqlite3 returns it. @internal */
export interface EntryRow {
  id: string;
  body: string;
  version: number;
  status: string;
  scheduled_at: string | null;
  due_ms: number | null;
  account_key: string;
  platform: string;
  brand: string | null;
  campaign: string | null;
  group_id: string | null;
  held: number;
  lease_owner: string | null;
  lease_expires_at: string | null;
  lease_expires_ms: number | null;
  lease_token: string | null;
}

/** The named parameters of a full row write. @internal */
export type EntryParams = EntryRow;

/** The row that stores `entry`. @internal */
export function toRow(entry: CalendarEntry): EntryRow {
  // `version` and `lease` live only in columns: they change on every claim and lease
  // renewal, which then writes a few values instead of re-serialising the whole entry.
  const { version: _version, lease: _lease, ...rest } = entry;
  const body = JSON.stringify(rest);
  return {
    id: entry.id,
    body,
    version: entry.version,
    status: entry.status,
    scheduled_at: entry.scheduledAt,
    // When it is due: the later of `scheduledAt` and a retry's `nextAttemptAt`.
    due_ms: entryDueAt(entry),
    account_key: entry.accountKey,
    platform: entry.platform,
    brand: entry.brand ?? null,
    campaign: entry.draft.campaign ?? null,
    group_id: entry.groupId ?? null,
    held: entry.hold === null ? 0 : 1,
    lease_owner: entry.lease?.owner ?? null,
    lease_expires_at: entry.lease?.expiresAt ?? null,
    lease_expires_ms: entry.lease === null ? null : Date.parse(entry.lease.expiresAt),
    lease_token: entry.lease?.token ?? null,
  };
}

/** The entry a row stores. @internal */
export function fromRow(row: EntryRow): CalendarEntry {
  const entry = JSON.parse(row.body) as CalendarEntry;
  entry.version = row.version;
  entry.lease =
    row.lease_owner === null
      ? null
      : row.lease_token === null
        ? { owner: row.lease_owner, expiresAt: row.lease_expires_at! }
        : { owner: row.lease_owner, expiresAt: row.lease_expires_at!, token: row.lease_token };
  return entry;
}
