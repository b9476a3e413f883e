/** A published post on a network. */
export interface AdapterV1PostRef {
  /** The network id (`x`, `bluesky`). */
  platform: string;
  /** The post's id on its network. */
  id: string;
  accountId?: string | undefined;
  url?: string | undefined;
  /** Network-specific strings an adapter needs later (a Bluesky CID, a scheduled flag). */
  extra?: Record<string, string> | undefined;
}
