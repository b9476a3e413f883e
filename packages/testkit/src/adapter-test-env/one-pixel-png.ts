/**
 * A valid 1×1 PNG (70 bytes), base64: media for publish tests.
 *
 * @example
 * ```ts
 * const media = { kind: 'image', source: { type: 'bytes', base64: ONE_PIXEL_PNG_BASE64 }, mimeType: 'image/png', altText: 'a dot' };
 * ```
 */
export const ONE_PIXEL_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
