/** The account an operation acts for. */
export interface AdapterV1Account {
  platform: string;
  /** The account's id on its network. */
  id: string;
  handle: string;
  displayName?: string | undefined;
  /** IANA time zone. */
  timeZone: string;
  brand?: string | undefined;
}
