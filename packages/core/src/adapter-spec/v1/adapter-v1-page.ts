/** One page of a paged list; `nextCursor` is `null` on the last page. */
export interface AdapterV1Page<T> {
  items: T[];
  nextCursor: string | null;
}
