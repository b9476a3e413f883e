/** What `doSendDirectMessage` returns. */
export interface AdapterV1DirectMessageOutput {
  id: string;
  /** ISO-8601 UTC; default: the clock's now. */
  sentAt?: string;
}
