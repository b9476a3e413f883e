/**
 * A Threads/Instagram-like two-step network for testing pending publishes: a simulator (create
 * a container, wait for `FINISHED`, publish it) and a reference adapter written with
 * `defineAdapter` that answers publishes as pending and resumes from the container id.
 *
 * @packageDocumentation
 */
export {
  createContainerNetworkSimulator,
  type ContainerNetworkSimulator,
  type ContainerNetworkSimulatorOptions,
  type SimContainer,
} from './container-network-simulator.js';
export { createContainerNetworkAdapter, type ContainerNetworkAdapterOptions } from './container-network-adapter.js';
