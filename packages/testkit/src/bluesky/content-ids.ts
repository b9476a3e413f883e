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

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * The CID of a blob from the SHA-256 of its bytes (a large upload is hashed as it streams in,
 * never held): the same `bafkrei…` string as {@link blobCid}.
 *
 * @example
 * ```ts
 * blobCidFromSha256(createHash('sha256').update(bytes).digest()); // === await blobCid(bytes)
 * ```
 */
export function blobCidFromSha256(digest: Uint8Array): string {
  // CIDv1, raw codec 0x55, multihash sha2-256 (0x12) of 32 bytes, multibase base32 ('b').
  const bytes = Uint8Array.from([0x01, 0x55, 0x12, 0x20, ...digest]);
  let out = 'b';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}
