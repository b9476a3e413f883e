import { cidForLex } from '@atproto/lex-cbor';
import { cidForRawBytes } from '@atproto/lex-data';
import { jsonToLex } from '@atproto/lexicon';

/**
 * The CID of a record as a PDS computes it: the record (JSON, with `$link` blob refs turned into
 * CIDs) encoded as DAG-CBOR, hashed with SHA-256, as a CIDv1 with the dag-cbor codec (0x71),
 * printed in base32 (`bafyrei…`).
 *
 * @example
 * ```ts
 * await recordCid({ $type: 'app.bsky.feed.post', text: 'hello', createdAt: '2024-01-01T00:00:00.000Z' }); // 'bafyrei…'
 * ```
 */
export async function recordCid(record: unknown): Promise<string> {
  return (await cidForLex(jsonToLex(record) as Parameters<typeof cidForLex>[0])).toString();
}

/**
 * The CID of an uploaded blob: SHA-256 of its bytes as a CIDv1 with the raw codec (0x55),
 * printed in base32 (`bafkrei…`). The same bytes always get the same CID.
 *
 * @example
 * ```ts
 * await blobCid(new Uint8Array([1, 2, 3])); // 'bafkrei…'
 * ```
 */
export async function blobCid(bytes: Uint8Array): Promise<string> {
  return (await cidForRawBytes(bytes)).toString();
}
