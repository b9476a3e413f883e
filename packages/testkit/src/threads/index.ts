/**
 * The Threads API simulator (`graph.threads.net/v1.0`), held to Meta's Threads doc pages (Threads
 * has no machine-readable definition), built on the shared Graph simulator base; its public media
 * host (`sim.mediaHost`) is `createPublicMediaHost` of `@smm/testkit/meta-graph`.
 *
 * @packageDocumentation
 */
export {
  createThreadsSimulator,
  type ThreadsContainerPayload,
  type ThreadsSimulator,
  type ThreadsSimulatorOptions,
} from './threads-simulator.js';
export { THREADS_CONTAINER, THREADS_MEDIA, THREADS_USER } from './threads-edges.js';
export { THREADS_MAX_LINKS, THREADS_MAX_TEXT, threadsLinkCount, threadsTextLength } from './threads-text.js';
