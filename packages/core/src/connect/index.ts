/**
 * Connecting accounts: the OAuth 2.0 authorization-code flow with PKCE (built on
 * oauth4webapi), refresh with rotation, revocation, dynamic app registration (Mastodon),
 * app-password logins (Bluesky), and the accounts behind a login. See docs/connecting-accounts.md.
 *
 * @example
 * ```ts
 * import { createConnectFlow } from '@smm/core/connect';
 * ```
 *
 * @packageDocumentation
 */
export {
  createConnectFlow,
  type ConnectFinishInput,
  type ConnectFlow,
  type ConnectFlowOptions,
  type ConnectStart,
} from './create-connect-flow.js';
export { registerApp, type RegisterAppOptions } from './register-app.js';
export { loginWithPassword, type PasswordLoginOptions, type PasswordLoginResult } from './login-with-password.js';
export type {
  AdapterV1ConnectableAccount as ConnectableAccount,
  AdapterV1RegisteredApp as RegisteredApp,
  AdapterV1ConnectSettings as ConnectSettings,
} from '../adapter-spec/index.js';
