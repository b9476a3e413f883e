/**
 * The LinkedIn simulator.
 *
 * @packageDocumentation
 */
export { createLinkedinSimulator, type LinkedinSimulator, type LinkedinSimulatorOptions } from './linkedin-simulator.js';
export { LITTLE_TEXT_RESERVED, renderCommentary, type RenderedCommentary } from './little-text-rendering.js';
