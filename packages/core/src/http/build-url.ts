import type { SearchParams } from './types.js';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
const SLASH = 47;

/**
 * Joins `baseUrl` and `path` the way a reader expects (`https://api.x.com/2` + `tweets` →
 * `https://api.x.com/2/tweets`, whatever the slashes) and appends the search params.
 * @internal
 */
export function buildUrl(baseUrl: string | undefined, path: string, searchParams: SearchParams | undefined): string {
  let url: string;
  // Plain string work for the usual relative path: no pattern runs unless it has a scheme's colon.
  if (!baseUrl || (path.includes(':') && ABSOLUTE.test(path))) url = path;
  else {
    let end = baseUrl.length;
    while (end > 0 && baseUrl.charCodeAt(end - 1) === SLASH) end -= 1;
    let start = 0;
    while (start < path.length && path.charCodeAt(start) === SLASH) start += 1;
    url = `${baseUrl.slice(0, end)}/${path.slice(start)}`;
  }
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
