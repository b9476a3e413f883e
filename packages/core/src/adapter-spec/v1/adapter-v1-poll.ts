/** A poll attached to a post. */
export interface AdapterV1Poll {
  options: string[];
  durationMs: number;
}
