// A minimal, valid MP4 (ISO BMFF, ISO/IEC 14496-12) with one video track: ftyp, moov (mvhd,
// trak: tkhd, mdia: mdhd, hdlr, minf: vmhd, dinf, stbl with one sample) and mdat. Enough for a
// probe to read duration, codec and dimensions; the sample is filler, not decodable video.

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function u(bits: 8 | 16 | 32, value: number): Uint8Array {
  const bytes = new Uint8Array(bits / 8);
  const view = new DataView(bytes.buffer);
  if (bits === 8) view.setUint8(0, value);
  else if (bits === 16) view.setUint16(0, value);
  else view.setUint32(0, value >>> 0);
  return bytes;
}

function box(type: string, ...payload: Uint8Array[]): Uint8Array {
  const body = concat(payload);
  return concat([u(32, 8 + body.length), ascii(type), body]);
}

const full = (type: string, version: number, flags: number, ...payload: Uint8Array[]) =>
  box(type, u(8, version), u(8, flags >> 16), u(16, flags & 0xffff), ...payload);
const zeros = (n: number) => new Uint8Array(n);
const MATRIX = concat([u(32, 0x10000), u(32, 0), u(32, 0), u(32, 0), u(32, 0x10000), u(32, 0), u(32, 0), u(32, 0), u(32, 0x40000000)]);

/** Options of {@link mp4Header}. */
export interface Mp4Options {
  durationMs: number;
  width: number;
  height: number;
  /** Sample entry (codec) name, e.g. `avc1` (default) or `hvc1`. */
  codec?: string;
  /** Bytes of (filler) media data after the header. */
  mediaBytes: number;
}

function sampleEntry(codec: string, width: number, height: number): Uint8Array {
  const visual = [
    zeros(6),
    u(16, 1),
    zeros(16),
    u(16, width),
    u(16, height),
    u(32, 0x480000),
    u(32, 0x480000),
    u(32, 0),
    u(16, 1),
    zeros(32),
    u(16, 0x18),
    u(16, 0xffff),
  ];
  if (codec !== 'avc1') return box(codec, ...visual);
  // avcC: version 1, High profile (0x64), level 3.1 (0x1f), 4-byte lengths, one SPS, one PPS.
  const sps = Uint8Array.of(0x67, 0x64, 0x00, 0x1f);
  const pps = Uint8Array.of(0x68, 0xeb, 0xe3, 0xcb);
  const avcC = box('avcC', Uint8Array.of(1, 0x64, 0x00, 0x1f, 0xff, 0xe1), u(16, sps.length), sps, u(8, 1), u(16, pps.length), pps);
  return box(codec, ...visual, avcC);
}

/**
 * Everything of the MP4 before its media data: ftyp, moov and the mdat box header. Follow it
 * with `mediaBytes` bytes of anything to make the whole file (`mp4Header(o).length + o.mediaBytes` bytes).
 *
 * @example
 * ```ts
 * const header = mp4Header({ durationMs: 12_000, width: 1280, height: 720, mediaBytes: 1000 });
 * const file = new Uint8Array(header.length + 1000); file.set(header);
 * ```
 */
export function mp4Header(options: Mp4Options): Uint8Array {
  const { durationMs, width, height, mediaBytes } = options;
  const codec = options.codec ?? 'avc1';
  const ftyp = box('ftyp', ascii('isom'), u(32, 512), ascii('isom'), ascii('iso2'), ascii('avc1'), ascii('mp41'));
  const moovFor = (mediaOffset: number) =>
    box(
      'moov',
      full(
        'mvhd',
        0,
        0,
        u(32, 0),
        u(32, 0),
        u(32, 1000),
        u(32, durationMs),
        u(32, 0x10000),
        u(16, 0x100),
        zeros(10),
        MATRIX,
        zeros(24),
        u(32, 2),
      ),
      box(
        'trak',
        full(
          'tkhd',
          0,
          3,
          u(32, 0),
          u(32, 0),
          u(32, 1),
          u(32, 0),
          u(32, durationMs),
          zeros(8),
          u(16, 0),
          u(16, 0),
          u(16, 0),
          u(16, 0),
          MATRIX,
          u(32, width * 0x10000),
          u(32, height * 0x10000),
        ),
        box(
          'mdia',
          full('mdhd', 0, 0, u(32, 0), u(32, 0), u(32, 1000), u(32, durationMs), u(16, 0x55c4), u(16, 0)),
          full('hdlr', 0, 0, u(32, 0), ascii('vide'), zeros(12), ascii('VideoHandler\0')),
          box(
            'minf',
            full('vmhd', 0, 1, zeros(8)),
            box('dinf', full('dref', 0, 0, u(32, 1), full('url ', 0, 1))),
            box(
              'stbl',
              full('stsd', 0, 0, u(32, 1), sampleEntry(codec, width, height)),
              full('stts', 0, 0, u(32, 1), u(32, 1), u(32, durationMs)),
              full('stsc', 0, 0, u(32, 1), u(32, 1), u(32, 1), u(32, 1)),
              full('stsz', 0, 0, u(32, 0), u(32, 1), u(32, mediaBytes)),
              full('stco', 0, 0, u(32, 1), u(32, mediaOffset)),
            ),
          ),
        ),
      ),
    );
  const moovLength = moovFor(0).length;
  const mediaOffset = ftyp.length + moovLength + 8;
  return concat([ftyp, moovFor(mediaOffset), u(32, 8 + mediaBytes), ascii('mdat')]);
}
