import type { SearchParams } from './types.js';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Joins `baseUrl` and `path` the way a reader expects (`https://api.x.com/2` + `tweets` →
 * `https://api.x.com/2/tweets`, whatever the slashes) and appends the search params.
 * @internal
 */
export function buildUrl(baseUrl: string | undefined, path: string, searchParams: SearchParams | undefined): string {
  let url: string;
  if (ABSOLUTE.test(path) || !baseUrl) url = path;
  else url = `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  if (!searchParams) return url;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly (string | number)[]) query.append(name, String(item));
    else query.append(name, String(value));
  }
  const text = query.toString();
  if (!text) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${text}`;
}
