/**
 * The Facebook Pages (Graph API) simulator, held to Meta's codegen node specs
 * (`definitions/meta/`) through the shared Graph simulator base (`@smm/testkit/meta-graph`).
 *
 * @packageDocumentation
 */
export {
  createFacebookSimulator,
  type FacebookSimComment,
  type FacebookSimulator,
  type FacebookSimulatorOptions,
} from './facebook-simulator.js';
