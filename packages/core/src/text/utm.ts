import { z } from 'zod';
import { parseWithSchema } from '../model/index.js';
import { extractEntities } from './entities.js';
import { findXUrls } from './x-url.js';

/** UTM parameters; each becomes `utm_<name>`. */
export interface UtmParams {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
  id?: string;
}

/** Options for {@link addUtm} and {@link tagLinks}. */
export interface UtmOptions {
  /** Replace `utm_*` values already in a URL (default false: the existing value wins). */
  overwrite?: boolean;
}

/** Options for {@link tagLinks}. */
export interface TagLinksOptions extends UtmOptions {
  /** Only tag links for which this returns true (e.g. your own domains). Default: every link. */
  filter?: (url: string) => boolean;
}

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content', 'id'] as const;
const ParamsSchema = z
  .object(
    Object.fromEntries(
      UTM_KEYS.map((key) => [
        key,
        z
          .string({ error: `must be the utm_${key} value as a string` })
          .min(1)
          .optional(),
      ]),
    ),
  )
  .strict()
  .refine((params) => Object.values(params).some((value) => value !== undefined), {
    error: 'give at least one of source, medium, campaign, term, content, id',
  });
const OptionsSchema = z.object({ overwrite: z.boolean().optional(), filter: z.function().optional() }).strict();

/**
 * Encodes a query value so it survives being posted: beyond encodeURIComponent, `. ! ~ * ' ( )`
 * are escaped too, since link detectors (X's included) stop a URL before a trailing `.` or `)`.
 */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/[.!~*'()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

function apply(url: string, params: UtmParams, overwrite: boolean): string {
  const hashAt = url.indexOf('#');
  const fragment = hashAt < 0 ? '' : url.slice(hashAt);
  const beforeFragment = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeFragment.indexOf('?');
  let base = queryAt < 0 ? beforeFragment : beforeFragment.slice(0, queryAt);
  const query = queryAt < 0 ? '' : beforeFragment.slice(queryAt + 1);
  const wanted = new Map<string, string>();
  for (const key of UTM_KEYS) {
    const value = params[key];
    if (value !== undefined) wanted.set(`utm_${key}`, encodeValue(value));
  }
  const pairs = query === '' ? [] : query.split('&');
  const kept = pairs.map((pair) => {
    const name = decodeName(pair.split('=', 1)[0]!);
    const value = wanted.get(name);
    if (value === undefined) return pair;
    wanted.delete(name);
    return overwrite ? `${name}=${value}` : pair;
  });
  for (const [name, value] of wanted) kept.push(`${name}=${value}`);
  // A bare domain gets a "/" before the query, so the whole link stays one link when posted.
  if (queryAt < 0 && /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/]+$/i.test(base)) base += '/';
  return `${base}?${kept.join('&')}${fragment}`;
}

/**
 * Adds UTM parameters to a URL without disturbing what is there: other query parameters keep
 * their order and exact encoding, the `#fragment` stays last, and `utm_*` values already present
 * are kept unless `overwrite: true`. Works on URLs written without a scheme (`example.com/x`).
 *
 * @throws ValidationError when no parameter is given or one is not a string.
 * @example
 * ```ts
 * addUtm('https://example.com/p?id=7#top', { source: 'bluesky', medium: 'social', campaign: 'lansare' });
 * // 'https://example.com/p?id=7&utm_source=bluesky&utm_medium=social&utm_campaign=lansare#top'
 * ```
 */
export function addUtm(url: string, params: UtmParams, options: UtmOptions = {}): string {
  const checked = parseWithSchema(ParamsSchema, params, 'addUtm params') as UtmParams;
  const { overwrite = false } = parseWithSchema(OptionsSchema, options, 'addUtm options');
  return apply(url, checked, overwrite);
}

/**
 * Whether `tagged`, put where the link `[start, end)` of `text` stands, is found as exactly one
 * link, itself, by the same detector: a query must not run on into the text after it.
 */
function staysOneLink(text: string, start: number, end: number, tagged: string): boolean {
  const before = start > 0 ? text[start - 1]! : '';
  const context = before + tagged + text.slice(end);
  return findXUrls(context).some((url) => url.start === before.length && url.end === before.length + tagged.length);
}

/**
 * Adds UTM parameters to every link in a text (as {@link extractEntities} finds them), leaving
 * the rest of the text untouched. A tagged link is always the same link with parameters added:
 * a link written with a port (`shop.ro:8080`) is tagged with its port, and a link the added query
 * would run on into the following text (`www.blog.rom`, where `.rom` would join the query) is
 * left as it is.
 *
 * @example
 * ```ts
 * tagLinks('Citește aici: example.com/blog și https://shop.example.com/?p=1', { source: 'x', medium: 'social' });
 * // 'Citește aici: example.com/blog?utm_source=x&utm_medium=social și https://shop.example.com/?p=1&utm_source=x&utm_medium=social'
 * ```
 */
export function tagLinks(text: string, params: UtmParams, options: TagLinksOptions = {}): string {
  const checked = parseWithSchema(ParamsSchema, params, 'tagLinks params') as UtmParams;
  const { overwrite = false } = parseWithSchema(OptionsSchema, options, 'tagLinks options');
  let out = '';
  let last = 0;
  for (const entity of extractEntities(text)) {
    if (entity.type !== 'url' || (options.filter && !options.filter(entity.value))) continue;
    let end = entity.end;
    // X's grammar drops the port of a bare domain without a path; the written link keeps it.
    const port = /^:\d+(?![\p{L}\p{N}_])/u.exec(text.slice(end));
    if (port && !entity.text.includes('/')) end += port[0].length;
    const tagged = apply(text.slice(entity.start, end), checked, overwrite);
    if (!staysOneLink(text, entity.start, end, tagged)) continue;
    out += text.slice(last, entity.start) + tagged;
    last = end;
  }
  return out + text.slice(last);
}
