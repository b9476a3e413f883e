import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { ValidationError } from '@smm/core/errors';
import type { MediaRefInput, PostDraftInput } from '@smm/core/model';
import { settle, type AdapterTestEnv } from '../adapter-test-env/index.js';
import { generatedBytes, mp4Header, pngFile, toBase64 } from '../media-files/index.js';
import type { NetworkSimulator } from '../simulator/index.js';

/** What the media checks need from the suite. */
export interface MediaCheckContext<TSim extends NetworkSimulator> {
  capabilities: AdapterCapabilities;
  setup: () => AdapterTestEnv<TSim>;
  unique: (label: string) => string;
  /** Throws the suite's ConformanceError with `message` unless `condition` holds. */
  check: (condition: unknown, message: string) => asserts condition;
  describeError: (error: unknown) => string;
  /** What every published draft carries besides text and media (the suite's `baseDraft`). */
  base?: Omit<PostDraftInput, 'text'>;
}

/** Largest stream the bounded-memory check sends (it is generated, never held). */
const MAX_STREAMED_BYTES = 300 * 1024 * 1024;
/** RSS growth the bounded-memory check allows while it streams. */
const RSS_BOUND_BYTES = 64 * 1024 * 1024;

/** An image that breaks every image rule the network declares that one file can break, with the codes expected back. */
function rulebreakingImage(capabilities: AdapterCapabilities): { media: MediaRefInput; codes: string[] } | undefined {
  const rules = capabilities.content.media;
  if (!rules.kinds.includes('image') || rules.maxItems === 0) return undefined;
  const file = rules.files?.image ?? {};
  const codes: string[] = [];
  // Dimensions: too wide for the aspect range (or narrower than the minimum width).
  let width = 64;
  let height = 64;
  if (file.maxAspectRatio !== undefined) {
    width = Math.ceil(height * file.maxAspectRatio * 2);
    codes.push('media_aspect_ratio');
  } else if (file.minAspectRatio !== undefined) {
    height = Math.ceil(width / file.minAspectRatio) * 2;
    codes.push('media_aspect_ratio');
  }
  if (file.minWidth !== undefined && file.minWidth > 1) {
    width = Math.min(width, file.minWidth - 1);
    codes.push('media_too_narrow');
    if (codes.includes('media_aspect_ratio') && file.maxAspectRatio !== undefined && width / height <= file.maxAspectRatio)
      codes.splice(codes.indexOf('media_aspect_ratio'), 1);
  }
  const png = pngFile(width, height);
  const max = Math.min(rules.maxSizeBytes?.image ?? Infinity, file.maxBytes ?? Infinity);
  // Too large: the PNG followed by filler, given as a stream of the declared size (never allocated).
  const sizeBytes = Number.isFinite(max) ? max + 1 : png.length;
  if (Number.isFinite(max)) codes.push('media_too_large');
  if (file.formats && !file.formats.includes('image/png')) codes.push('media_format');
  const media: MediaRefInput = {
    kind: 'image',
    mimeType: 'image/png',
    source: Number.isFinite(max)
      ? { type: 'stream', stream: generatedBytes({ totalBytes: sizeBytes, prefix: png }), sizeBytes }
      : { type: 'bytes', base64: toBase64(png) },
  };
  if (rules.requireAltText) codes.push('missing_alt_text');
  else media.altText = 'A grey rectangle';
  return codes.length > 0 ? { media, codes } : undefined;
}

/**
 * Media checks of the adapter conformance suite (spec v1.1): pre-checks refuse a file that breaks
 * the declared media rules before any request, listing every problem; file and stream sources
 * publish; streamed bodies upload in bounded memory.
 *
 * @example
 * ```ts
 * const entries = [...mediaChecks({ capabilities, setup, unique })];
 * ```
 */
export function mediaChecks<TSim extends NetworkSimulator>(
  context: MediaCheckContext<TSim>,
): Array<{ name: string; skip: string | false; run(): Promise<void> }> {
  const { capabilities, setup, unique, describeError } = context;
  const check: MediaCheckContext<TSim>['check'] = context.check;
  const rules = capabilities.content.media;
  const breaking = rulebreakingImage(capabilities);
  // The stream/file check sends a PNG: a network that takes no PNG (TikTok: JPEG and WebP) skips it.
  const imageFormats = rules.files?.image?.formats;
  const takesImages =
    rules.kinds.includes('image') && rules.maxItems > 0 && (imageFormats === undefined || imageFormats.includes('image/png'));
  return [
    {
      name: 'media pre-checks: a file breaking the declared media rules is refused before any request, every problem listed',
      skip: breaking ? false : 'the adapter declares no image rule a file can break (size, aspect ratio, width, format or alt text)',
      async run() {
        const env = setup();
        const from = env.sim.requests.length;
        const { media, codes } = rulebreakingImage(capabilities)!; // fresh: a stream source reads once
        const outcome = await settle(env.client.publish(env.account, { ...context.base, text: unique('media rules'), media: [media] }));
        check(
          !outcome.ok && ValidationError.isInstance(outcome.error),
          `expected one ValidationError, got ${outcome.ok ? 'success' : describeError(outcome.error)}`,
        );
        const found = outcome.error.issues.map((issue) => issue.code);
        const missing = codes.filter((code) => !found.includes(code));
        check(
          missing.length === 0,
          `the ValidationError does not list ${missing.join(', ')} (it lists ${found.join(', ') || 'nothing'}): every broken rule must be reported at once`,
        );
        check(
          env.sim.requests.length === from,
          `${env.sim.requests.length - from} requests reached the network for media that breaks its rules (expected none)`,
        );
      },
    },
    {
      name: 'streamed media: an image given as a file path and as a stream is published',
      skip: takesImages ? false : 'the network takes no PNG images',
      async run() {
        const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
        const { tmpdir } = await import('node:os');
        const { join } = await import('node:path');
        const dir = await mkdtemp(join(tmpdir(), 'smm-conformance-'));
        try {
          const png = pngFile(32, 24);
          const path = join(dir, 'image.png');
          await writeFile(path, png);
          const sources: MediaRefInput['source'][] = [
            { type: 'file', path },
            { type: 'stream', stream: generatedBytes({ totalBytes: png.length, prefix: png }), sizeBytes: png.length },
          ];
          for (const source of sources) {
            const env = setup();
            const text = unique(`${source.type} image`);
            const outcome = await settle(
              env.client.publish(env.account, {
                ...context.base,
                text,
                media: [{ kind: 'image', mimeType: 'image/png', source, altText: 'A grey rectangle' }],
              }),
            );
            check(outcome.ok, `publishing an image from a ${source.type} source failed: ${outcome.ok ? '' : describeError(outcome.error)}`);
            const held = env.sim.posts().filter((post) => post.text === text && !post.deleted);
            check(
              held.length === 1 && held[0]!.mediaIds.length === 1,
              `the network holds ${held.length} posts with ${held[0]?.mediaIds.length ?? 0} media for a ${source.type} image (expected 1 post with 1 image)`,
            );
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    },
    {
      name: 'streamed media: a large file uploads in chunks with bounded memory',
      skip: rules.streamedBodies ? false : 'the adapter does not read streamed media bodies (capabilities.content.media.streamedBodies)',
      async run() {
        const kind = rules.kinds.includes('video') ? 'video' : 'image';
        const bytes = Math.min(
          rules.maxSizeBytes?.[kind] ?? MAX_STREAMED_BYTES,
          rules.files?.[kind]?.maxBytes ?? MAX_STREAMED_BYTES,
          MAX_STREAMED_BYTES,
        );
        const file = rules.files?.[kind] ?? {};
        const durationMs = Math.max(file.minDurationMs ?? 0, Math.min(file.maxDurationMs ?? 10_000, 10_000));
        const head = kind === 'video' ? mp4Header({ durationMs, width: 1280, height: 720, mediaBytes: 0 }) : pngFile(64, 64);
        const prefix = kind === 'video' ? mp4Header({ durationMs, width: 1280, height: 720, mediaBytes: bytes - head.length }) : head;
        const env = setup();
        const text = unique('large media');
        // Warm up with a small file of the same kind first, so loading code, probes and connections
        // (a fixed cost) is not counted as growth with the file's size.
        const warmBytes = Math.min(bytes, 2 * 1024 * 1024);
        const warmPrefix =
          kind === 'video' ? mp4Header({ durationMs, width: 1280, height: 720, mediaBytes: warmBytes - head.length }) : head;
        const warm = await settle(
          env.client.publish(env.account, {
            ...context.base,
            text: unique('warm-up media'),
            media: [
              {
                kind,
                mimeType: kind === 'video' ? 'video/mp4' : 'image/png',
                source: { type: 'stream', stream: generatedBytes({ totalBytes: warmBytes, prefix: warmPrefix }), sizeBytes: warmBytes },
                altText: 'Generated media',
              },
            ],
          }),
        );
        check(warm.ok, `publishing a ${warmBytes}-byte streamed ${kind} failed: ${warm.ok ? '' : describeError(warm.error)}`);
        const before = process.memoryUsage().rss;
        let peak = before;
        const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
        try {
          const outcome = await settle(
            env.client.publish(env.account, {
              ...context.base,
              text,
              media: [
                {
                  kind,
                  mimeType: kind === 'video' ? 'video/mp4' : 'image/png',
                  source: { type: 'stream', stream: generatedBytes({ totalBytes: bytes, prefix }), sizeBytes: bytes },
                  altText: 'Generated media',
                },
              ],
            }),
          );
          check(outcome.ok, `publishing a ${bytes}-byte streamed ${kind} failed: ${outcome.ok ? '' : describeError(outcome.error)}`);
        } finally {
          clearInterval(sample);
        }
        peak = Math.max(peak, process.memoryUsage().rss);
        check(
          peak - before < RSS_BOUND_BYTES,
          `memory grew by ${Math.round((peak - before) / 1024 / 1024)} MB while streaming ${Math.round(bytes / 1024 / 1024)} MB (bound: 64 MB): read the body in chunks`,
        );
      },
    },
  ];
}
