import { schemas } from '@atproto/api';
import { Lexicons, jsonToLex, type LexiconDoc } from '@atproto/lexicon';
import { isValidNsid, isValidRecordKey, isValidTid } from '@atproto/syntax';

// The official lexicon documents, as shipped in @atproto/api (see DEFINITIONS.md).
const lexicons = new Lexicons(schemas as LexiconDoc[]);

/** A request or record the lexicons refuse; the simulator answers it `400 InvalidRequest` with this message. */
export class LexiconViolation extends Error {
  override readonly name = 'LexiconViolation';
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new LexiconViolation(messageOf(error));
  }
}

// Query strings carry text: decode each parameter by its lexicon type first, as the PDS's XRPC
// server does (an integer that does not parse becomes 0, a boolean is true only for "true").
function decodeParam(type: string, value: string): string | number | boolean | undefined {
  if (value === '') return undefined;
  if (type === 'integer') return Number.parseInt(value, 10) || 0;
  if (type === 'float') return Number(value);
  if (type === 'boolean') return value === 'true';
  return value;
}

/**
 * Checks the query parameters of an XRPC method against its lexicon (`parameters`), decoding
 * them by type first. Parameters the lexicon does not name are ignored, as on a PDS.
 *
 * @throws LexiconViolation naming the offending parameter.
 * @example
 * ```ts
 * validateParams('app.bsky.notification.listNotifications', new URLSearchParams('limit=20')); // { limit: 20 }
 * ```
 */
export function validateParams(nsid: string, searchParams: URLSearchParams): Record<string, unknown> {
  const def = lexicons.getDefOrThrow(nsid) as { parameters?: { properties?: Record<string, { type: string; items?: { type: string } }> } };
  const properties = def.parameters?.properties ?? {};
  const params: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const values = searchParams.getAll(name);
    if (values.length === 0) continue;
    if (property.type === 'array') {
      params[name] = values.map((value) => decodeParam(property.items?.type ?? 'string', value)).filter((value) => value !== undefined);
    } else {
      params[name] = decodeParam(property.type, values[0]!);
    }
  }
  return guarded(() => lexicons.assertValidXrpcParams(nsid, params) as Record<string, unknown>);
}

/**
 * Checks the JSON body of an XRPC procedure against its lexicon (`input.schema`), after turning
 * `$link` / `$bytes` JSON into CIDs and bytes as a PDS does.
 *
 * @throws LexiconViolation naming the offending field (`Input/…`).
 * @example
 * ```ts
 * validateInput('com.atproto.repo.deleteRecord', { repo: 'did:plc:abc', collection: 'app.bsky.feed.post', rkey: '3kabcdefghijk' });
 * ```
 */
export function validateInput(nsid: string, body: unknown): void {
  if (body === undefined || body === null) throw new LexiconViolation('A request body is expected but none was provided');
  guarded(() => lexicons.assertValidXrpcInput(nsid, jsonToLex(body)));
}

/**
 * Checks a method's JSON output against its lexicon (`output.schema`).
 *
 * @throws LexiconViolation naming the offending field (`Output/…`).
 * @example
 * ```ts
 * validateOutput('com.atproto.identity.resolveHandle', { did: 'did:plc:abc' });
 * ```
 */
export function validateOutput(nsid: string, body: unknown): void {
  guarded(() => lexicons.assertValidXrpcOutput(nsid, jsonToLex(body)));
}

/**
 * Whether the lexicons define a record type with this NSID (`app.bsky.feed.post`, `app.bsky.feed.like`, …).
 *
 * @example
 * ```ts
 * isKnownRecordType('app.bsky.feed.post'); // true
 * ```
 */
export function isKnownRecordType(nsid: string): boolean {
  return isValidNsid(nsid) && lexicons.getDef(nsid)?.type === 'record';
}

/**
 * Checks a record written to `collection` under `rkey` as a PDS does before committing it: the
 * record's `$type` is the collection, the record key obeys the lexicon's `key` rule (`tid`,
 * `nsid`, `literal:<value>` or `any`), and the record obeys the record schema.
 *
 * @throws LexiconViolation with the PDS's wording (`Invalid app.bsky.feed.post record: Record/…`).
 * @example
 * ```ts
 * validateRecord('app.bsky.feed.post', '3kabcdefghijk', { $type: 'app.bsky.feed.post', text: 'hi', createdAt: '2026-01-05T09:00:00.000Z' });
 * ```
 */
export function validateRecord(collection: string, rkey: string, record: Record<string, unknown>): void {
  if (record.$type !== collection) throw new LexiconViolation(`Invalid $type: expected ${collection}, got ${String(record.$type)}`);
  if (!isValidRecordKey(rkey)) throw new LexiconViolation(`Invalid record key: ${rkey}`);
  const def = lexicons.getDef(collection) as { type: string; key?: string } | undefined;
  if (!def || def.type !== 'record') throw new LexiconViolation(`Unknown lexicon type: ${collection}`);
  const key = def.key ?? 'any';
  const keyOk =
    key === 'tid' ? isValidTid(rkey) : key === 'nsid' ? isValidNsid(rkey) : key.startsWith('literal:') ? rkey === key.slice(8) : true;
  if (!keyOk)
    throw new LexiconViolation(`Invalid record key for ${collection}: must be a ${key === 'tid' ? 'valid TID' : key}, got ${rkey}`);
  try {
    lexicons.assertValidRecord(collection, jsonToLex(record));
  } catch (error) {
    throw new LexiconViolation(`Invalid ${collection} record: ${messageOf(error)}`);
  }
}

/** What a method's lexicon says about its HTTP shape. */
export interface MethodShape {
  type: 'query' | 'procedure';
  /** The request body, for procedures that take one: its encoding (`application/json`, `*\/*`) and whether a schema checks it. */
  input?: { encoding: string; schema: boolean };
  /** Whether the output has a schema to check. */
  output: boolean;
}

/**
 * The HTTP shape of an XRPC method from its lexicon: queries are GETs, procedures POSTs.
 *
 * @example
 * ```ts
 * methodShape('com.atproto.repo.uploadBlob'); // { type: 'procedure', input: { encoding: '*\/*', schema: false }, output: true }
 * ```
 */
export function methodShape(nsid: string): MethodShape {
  const def = lexicons.getDefOrThrow(nsid) as {
    type: string;
    input?: { encoding: string; schema?: unknown };
    output?: { schema?: unknown };
  };
  if (def.type !== 'query' && def.type !== 'procedure') throw new Error(`${nsid} is not an XRPC method`);
  return {
    type: def.type,
    ...(def.input ? { input: { encoding: def.input.encoding, schema: def.input.schema !== undefined } } : {}),
    output: def.output?.schema !== undefined,
  };
}
