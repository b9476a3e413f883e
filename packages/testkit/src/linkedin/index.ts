/**
 * The LinkedIn simulator.
 *
 * @packageDocumentation
 */
export { createLinkedInSimulator, type LinkedInSimulator, type LinkedInSimulatorOptions } from './linkedin-simulator.js';
export { LITTLE_TEXT_RESERVED, renderCommentary, type RenderedCommentary } from './little-text-rendering.js';
