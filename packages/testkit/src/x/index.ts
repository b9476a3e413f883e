/**
 * The X (API v2) simulator.
 *
 * @packageDocumentation
 */
export { createXSimulator, type XEndpoint, type XSimulator, type XSimulatorOptions } from './x-simulator.js';
