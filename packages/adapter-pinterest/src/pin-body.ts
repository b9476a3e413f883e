import { ValidationError, type AdapterMediaRef, type PostDraft } from '@smm/core/adapter-kit';
import type { PinterestOptions } from './network-options.js';

/** The fields of `POST /v5/pins` that come from the draft and its options (all but `media_source`). @internal */
export interface PinFields {
  board_id: string;
  board_section_id?: string;
  title?: string;
  description: string;
  link?: string;
  alt_text?: string;
  dominant_color?: string;
}

const BOARD_PATH = ['networkOptions', 'pinterest', 'boardId'];

/**
 * The pin's fields from a draft: description = text, board and section, title, link (the
 * option, else the draft's `link`), alt text of the first image.
 *
 * @throws ValidationError naming `networkOptions.pinterest.boardId` when the draft chose no board.
 * @internal
 */
export function pinFields(draft: PostDraft, options: PinterestOptions | undefined): PinFields {
  if (!options?.boardId) {
    throw new ValidationError('draft for Pinterest', [
      {
        path: BOARD_PATH,
        code: 'board_required',
        message:
          "every pin goes on a board: set networkOptions.pinterest.boardId to one of the account's boards (listPinterestBoards lists them)",
      },
    ]);
  }
  const link = options.link ?? draft.link;
  const altText = draft.media[0]?.altText;
  return {
    board_id: options.boardId,
    ...(options.boardSectionId ? { board_section_id: options.boardSectionId } : {}),
    ...(options.title ? { title: options.title } : {}),
    description: draft.text,
    ...(link ? { link } : {}),
    ...(altText ? { alt_text: altText } : {}),
    ...(options.dominantColor ? { dominant_color: options.dominantColor } : {}),
  };
}

// PinMediaSourceImageBase64: content_type image/jpeg or image/png only.
const BASE64_TYPES = ['image/jpeg', 'image/png'];

function refused(index: number, message: string): ValidationError {
  return new ValidationError('media for Pinterest', [{ path: ['media', index], code: 'unsupported_media_source', message }]);
}

function imageBytes(item: AdapterMediaRef, index: number) {
  if (item.source.type !== 'bytes') throw refused(index, 'give the image as a URL or as bytes');
  if (!item.mimeType || !BASE64_TYPES.includes(item.mimeType)) {
    throw refused(
      index,
      `Pinterest takes image bytes as image/jpeg or image/png (got ${item.mimeType ?? 'no mimeType'}): convert it, or give a URL`,
    );
  }
  return { content_type: item.mimeType, data: item.source.base64 };
}

/**
 * The `media_source` of an image or carousel pin: `image_url` / `image_base64` for one image,
 * `multiple_image_urls` / `multiple_image_base64` for 2–5 (all URLs or all bytes).
 * @internal
 */
export function imageMediaSource(media: readonly AdapterMediaRef[]): Record<string, unknown> {
  if (media.length === 1) {
    const item = media[0]!;
    return item.source.type === 'url'
      ? { source_type: 'image_url', url: item.source.url }
      : { source_type: 'image_base64', ...imageBytes(item, 0) };
  }
  if (media.every((item) => item.source.type === 'url')) {
    return { source_type: 'multiple_image_urls', items: media.map((item) => ({ url: (item.source as { url: string }).url })) };
  }
  if (media.some((item) => item.source.type === 'url')) {
    throw refused(
      media.findIndex((item) => item.source.type === 'url'),
      'a carousel is all URLs or all bytes on Pinterest: give every image the same way',
    );
  }
  return { source_type: 'multiple_image_base64', items: media.map((item, index) => imageBytes(item, index)) };
}
