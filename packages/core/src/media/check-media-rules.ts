import type { AdapterV1MediaRules } from '../adapter-spec/index.js';
import { formatIssuePath } from '../errors/index.js';
import type { MediaKind } from '../model/index.js';
import type { MediaProbe } from './probe-media.js';

/** One way a media file breaks a network's file rules. */
export interface MediaProblem {
  /** Where, as text: `media[1].width`. */
  field: string;
  /** The same place as a path: `['media', 1, 'width']`. */
  path: Array<string | number>;
  /** Stable code: `media_format`, `media_too_large`, `media_too_small`, `media_too_wide`, `media_too_narrow`, `media_too_tall`, `media_too_short`, `media_aspect_ratio`, `media_too_long`, `media_too_brief`, `media_codec`. */
  code: string;
  /** What is wrong and how to fix it: `… (fix: …)`. */
  message: string;
  measured?: number;
  allowed?: number;
}

/** What is known of one attachment: what its bytes say, or else what the draft declares. */
export type MediaFacts = Partial<Omit<MediaProbe, 'sizeBytes'>> & { sizeBytes?: number | undefined };

const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
const ratio = (value: number) => String(Math.round(value * 1000) / 1000);

/**
 * Checks what is known of one attachment against a network's media rules (`files[kind]` and
 * `maxSizeBytes`) and returns every problem, each once: format, bytes, width, height, aspect ratio,
 * duration and codec. A fact that is unknown is not checked. Count and alt text are checked per
 * draft by `validateDraft`.
 *
 * @param path - where the attachment sits, e.g. `['media', 1]`.
 * @example
 * ```ts
 * checkMediaAgainstRules({ sizeBytes: 9_000_000, mimeType: 'image/png', width: 4000, height: 1000 }, { kind: 'image' }, rules, ['media', 1]);
 * // [{ field: 'media[1].sizeBytes', code: 'media_too_large', message: '… (fix: …)' }, { field: 'media[1].aspectRatio', … }]
 * ```
 */
export function checkMediaAgainstRules(
  facts: MediaFacts,
  ref: { kind: MediaKind },
  rules: AdapterV1MediaRules,
  path: Array<string | number> = ['media', 0],
): MediaProblem[] {
  const problems: MediaProblem[] = [];
  const kind = ref.kind;
  const file = rules.files?.[kind] ?? {};
  const add = (name: string, code: string, message: string, measured?: number, allowed?: number) =>
    problems.push({
      field: formatIssuePath([...path, name]),
      path: [...path, name],
      code,
      message,
      ...(measured === undefined ? {} : { measured }),
      ...(allowed === undefined ? {} : { allowed }),
    });
  const what = `${kind} ${typeof path.at(-1) === 'number' ? (path.at(-1) as number) + 1 : ''}`.trim();

  if (file.formats && facts.mimeType !== undefined && !file.formats.includes(facts.mimeType)) {
    add(
      'mimeType',
      'media_format',
      `${what} is ${facts.mimeType}, which is not accepted (fix: convert it to ${file.formats.join(' or ')})`,
    );
  }
  /** One measured value against its [min, max]: at most one problem (over the max, else under the min). */
  const range = (
    name: string,
    value: number | undefined,
    min: number | undefined,
    max: number | undefined,
    show: (n: number) => string,
    over: [code: string, verb: string, fix: string],
    under: [code: string, verb: string, fix: string],
  ) => {
    if (value === undefined) return;
    if (max !== undefined && value > max)
      add(name, over[0], `${what} ${over[1]} ${show(value)}: at most ${show(max)} allowed (fix: ${over[2]})`, value, max);
    else if (min !== undefined && value < min)
      add(name, under[0], `${what} ${under[1]} ${show(value)}: at least ${show(min)} needed (fix: ${under[2]})`, value, min);
  };
  const maxBytes = Math.min(file.maxBytes ?? Infinity, rules.maxSizeBytes?.[kind] ?? Infinity);
  const px = (n: number) => `${n} px`;
  const ranges: Array<Parameters<typeof range>> = [
    [
      'sizeBytes',
      facts.sizeBytes,
      file.minBytes,
      Number.isFinite(maxBytes) ? maxBytes : undefined,
      mb,
      ['media_too_large', 'is', 'compress, resize or shorten it'],
      ['media_too_small', 'is', 'use a fuller file'],
    ],
    [
      'width',
      facts.width,
      file.minWidth,
      file.maxWidth,
      px,
      ['media_too_wide', 'has width', 'scale it down'],
      ['media_too_narrow', 'has width', 'use a larger one'],
    ],
    [
      'height',
      facts.height,
      file.minHeight,
      file.maxHeight,
      px,
      ['media_too_tall', 'has height', 'scale it down'],
      ['media_too_short', 'has height', 'use a larger one'],
    ],
    [
      'durationMs',
      facts.durationMs,
      file.minDurationMs,
      file.maxDurationMs,
      seconds,
      ['media_too_long', 'lasts', 'trim it'],
      ['media_too_brief', 'lasts', 'use a longer clip'],
    ],
  ];
  for (const args of ranges) range(...args);
  const { width, height } = facts;
  if (width !== undefined && height !== undefined && height > 0) {
    const aspect = width / height;
    const min = file.minAspectRatio;
    const max = file.maxAspectRatio;
    if ((min !== undefined && aspect < min) || (max !== undefined && aspect > max)) {
      const range = `${min === undefined ? 'any' : ratio(min)} to ${max === undefined ? 'any' : ratio(max)}`;
      add(
        'aspectRatio',
        'media_aspect_ratio',
        `${what} is ${width}×${height} (aspect ${ratio(aspect)}), ${range} allowed (fix: crop it)`,
        aspect,
      );
    }
  }
  if (file.videoCodecs && facts.videoCodec !== undefined && !file.videoCodecs.includes(facts.videoCodec)) {
    add(
      'videoCodec',
      'media_codec',
      `${what} is encoded as ${facts.videoCodec}, which is not accepted (fix: re-encode it as ${file.videoCodecs.join(' or ')})`,
    );
  }
  return problems;
}
