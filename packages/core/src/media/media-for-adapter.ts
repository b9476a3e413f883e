import type { MediaProbe } from '../media-rules/index.js';
import type { AdapterV1MediaRef, AdapterV1MediaRules } from '../adapter-spec/index.js';
import { ValidationError } from '../errors/index.js';
import type { MediaRef } from '../model/index.js';
import type { MediaBody } from './media-body.js';
import { openMediaRef } from './open-media-body.js';

/** Most bytes turned into base64 for an adapter without `streamedBodies` when it declares no size cap for the kind. */
export const DEFAULT_INLINE_MAX_BYTES = 50 * 1024 * 1024;

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/**
 * The media as a spec v1 adapter receives it, without reading anything: a file, Blob or stream
 * keeps the parsed `source` `{ type: 'bytes', base64: '' }` and loses `from` (for look-ups such
 * as `doFindPublished`, which match on text).
 * @internal
 */
export function mediaRefForLookup(ref: MediaRef): AdapterV1MediaRef {
  const { from: _from, ...rest } = ref;
  return rest;
}

/**
 * The media as an adapter receives it for a publish. An adapter that declares
 * `media.streamedBodies` gets `body` on every item (and the user's url/bytes `source`, or an
 * empty bytes source for a file, Blob or stream). A v1.0 adapter gets url or bytes as before: a
 * file, Blob or stream is read into base64, within the adapter's size cap for the kind.
 *
 * @param opened - bodies already opened while probing (a stream opens once).
 * @throws ValidationError when a source is too large to hand to an adapter that reads base64.
 * @example
 * ```ts
 * const ref = await mediaRefForAdapter(draft.media[0], adapter.capabilities.content.media, ['media', 0]);
 * ```
 */
export async function mediaRefForAdapter(
  ref: MediaRef,
  rules: AdapterV1MediaRules,
  path: Array<string | number>,
  opened?: MediaBody,
  options: { fetch?: typeof fetch; signal?: AbortSignal; probe?: MediaProbe | undefined } = {},
): Promise<AdapterV1MediaRef> {
  const open = async () => opened ?? openMediaRef(ref, path, options);
  if (rules.streamedBodies) {
    const body = await open();
    // Probed dimensions fill what the draft left out (Bluesky's aspectRatio needs them).
    const { probe } = options;
    const size =
      ref.width === undefined && probe?.width !== undefined && probe.height !== undefined
        ? { width: probe.width, height: probe.height }
        : {};
    // And the probed duration (TikTok checks it against the creator's longest allowed video).
    const duration = ref.durationMs === undefined && probe?.durationMs !== undefined ? { durationMs: probe.durationMs } : {};
    return { ...mediaRefForLookup(ref), ...size, ...duration, sizeBytes: body.sizeBytes, body };
  }
  if (!ref.from) return ref;
  const body = await open();
  const cap = rules.maxSizeBytes?.[ref.kind] ?? DEFAULT_INLINE_MAX_BYTES;
  if (body.sizeBytes > cap) {
    throw new ValidationError('media source', [
      {
        path: [...path, 'source'],
        code: 'media_too_large_to_inline',
        message: `${ref.kind} is ${body.sizeBytes} bytes; this adapter reads media as base64 and takes at most ${cap} (fix: give a URL, a smaller file, or use an adapter with streamed bodies)`,
      },
    ]);
  }
  const bytes = new Uint8Array(body.sizeBytes);
  let at = 0;
  for await (const piece of body.stream()) {
    bytes.set(piece.subarray(0, bytes.length - at), at);
    at += piece.length;
  }
  return {
    ...mediaRefForLookup(ref),
    source: { type: 'bytes', base64: encodeBase64(bytes.subarray(0, Math.min(at, bytes.length))) },
    sizeBytes: body.sizeBytes,
  };
}
