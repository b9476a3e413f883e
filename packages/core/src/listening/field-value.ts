/** Mention fields a query can test: `author:`, `lang:`, `network:`, `url:`, `kind:`. */
export type QueryField = 'author' | 'lang' | 'network' | 'url' | 'kind';

/** The comparable form of a field value (also used on the mention's side). @internal */
export function normalizeFieldValue(field: QueryField, value: string): string {
  const lower = value.trim().toLowerCase();
  switch (field) {
    case 'author':
      return lower.replace(/^@/u, '');
    case 'lang':
      return lower.split(/[-_]/u)[0]!;
    case 'url':
      return lower.replace(/^[a-z][a-z0-9+.-]*:\/\//u, '').replace(/^www\./u, '');
    default:
      return lower;
  }
}
