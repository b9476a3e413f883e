import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blobCid, recordCid } from './content-ids.js';

// Independent oracle: DAG-CBOR written out by hand (https://ipld.io/specs/codecs/dag-cbor/spec/:
// map keys sorted by length, then bytewise), SHA-256 from node:crypto, and the CIDv1 bytes
// <version 0x01><codec><sha2-256 0x12><length 0x20><digest> in RFC 4648 base32 lower case with the 'b' multibase prefix.
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}
const cidV1 = (codec: number, content: Uint8Array) =>
  `b${base32(new Uint8Array([0x01, codec, 0x12, 0x20, ...createHash('sha256').update(content).digest()]))}`;
// A CBOR text string shorter than 24 bytes: major type 3 (0x60) + length, or 0x78 <len> up to 255.
const text = (value: string) => {
  const bytes = [...Buffer.from(value, 'utf8')];
  return bytes.length < 24 ? [0x60 + bytes.length, ...bytes] : [0x78, bytes.length, ...bytes];
};

describe('content ids', () => {
  it('computes a record CID as DAG-CBOR + SHA-256 + CIDv1 dag-cbor (bafyrei…)', async () => {
    const record = { $type: 'app.bsky.feed.post', text: 'hello', createdAt: '2024-01-01T00:00:00.000Z' };
    // Map of 3; keys by length: "text" (4), "$type" (5), "createdAt" (9).
    const cbor = new Uint8Array([
      0xa3,
      ...text('text'),
      ...text('hello'),
      ...text('$type'),
      ...text('app.bsky.feed.post'),
      ...text('createdAt'),
      ...text('2024-01-01T00:00:00.000Z'),
    ]);
    const cid = await recordCid(record);
    expect(cid).toBe(cidV1(0x71, cbor));
    expect(cid).toMatch(/^bafyrei[a-z2-7]{52}$/);
    // Key order in the JSON does not matter; content does.
    expect(await recordCid({ createdAt: record.createdAt, text: 'hello', $type: record.$type })).toBe(cid);
    expect(await recordCid({ ...record, text: 'hello!' })).not.toBe(cid);
  });

  it('computes a blob CID as SHA-256 of the bytes + CIDv1 raw (bafkrei…)', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const cid = await blobCid(bytes);
    expect(cid).toBe(cidV1(0x55, bytes));
    expect(cid).toMatch(/^bafkrei[a-z2-7]{52}$/);
  });
});
