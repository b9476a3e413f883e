/**
 * Media files made on the fly with known parameters, for media tests: PNGs of any size, minimal
 * MP4s of any duration, dimensions and codec, and large byte streams that are never held whole.
 *
 * @packageDocumentation
 */
export { generatedBytes } from './generated-bytes.js';
export { mp4Header, type Mp4Options } from './mp4-file.js';
export { pngFile, toBase64 } from './png-file.js';
