import { z } from 'zod';
import type { Adapter, AdapterV1ConnectSettings, AdapterV1RegisteredApp } from '../adapter-spec/index.js';
import { ValidationError } from '../errors/index.js';
import { parseWithSchema } from '../model/index.js';
import { oauthConnectOf } from './create-connect-flow.js';

/** Options of {@link registerApp}. */
export interface RegisterAppOptions {
  /** The server to register on (Mastodon: the user's instance, e.g. `https://mastodon.social`). */
  instanceUrl: string;
  /** Your app's name, shown to users on the consent page. */
  appName: string;
  redirectUri: string;
  /** Default: the adapter's `connect.defaultScopes`. */
  scopes?: readonly string[];
  website?: string;
  /** Extra per-connection settings the adapter reads. */
  settings?: AdapterV1ConnectSettings;
  fetch?: typeof fetch;
  now?: () => number;
  signal?: AbortSignal;
}

const OptionsSchema = z.strictObject({
  instanceUrl: z.url({ protocol: /^https?$/, error: 'must be the instance as an absolute http(s) URL, such as https://mastodon.social' }),
  appName: z.string().min(1, { error: "must be your app's name (not empty)" }),
  redirectUri: z.url({ error: 'must be the absolute redirect URI your app receives the callback on' }),
  scopes: z.array(z.string().min(1)).optional(),
  website: z.url({ error: 'must be an absolute URL, or left out' }).optional(),
  settings: z.record(z.string(), z.unknown(), { error: 'must be an object of per-connection settings' }).optional(),
  fetch: z.custom<typeof fetch>((value) => typeof value === 'function', { error: 'must be a fetch function' }).optional(),
  now: z.custom<() => number>((value) => typeof value === 'function', { error: 'must be a function returning epoch ms' }).optional(),
  signal: z.custom<AbortSignal>((value) => value instanceof AbortSignal, { error: 'must be an AbortSignal' }).optional(),
});

/**
 * Registers your app on one server of a network with dynamic client registration (Mastodon's
 * `POST /api/v1/apps`) and returns its client id and secret. Register once per instance and
 * store the result keyed by instance: each Mastodon server knows only the apps registered on it.
 *
 * @throws ValidationError naming the option when an option is wrong, or when the adapter cannot register apps.
 * @example
 * ```ts
 * const app = await registerApp(createMastodonAdapter({ baseUrl }), {
 *   instanceUrl: 'https://mastodon.social', appName: 'My scheduler', redirectUri: 'https://app.example/callback/mastodon',
 * });
 * const flow = createConnectFlow(adapter, { settings: { instanceUrl: 'https://mastodon.social' }, ...app, redirectUri });
 * ```
 */
export async function registerApp(adapter: Adapter, options: RegisterAppOptions): Promise<AdapterV1RegisteredApp> {
  const connect = oauthConnectOf(adapter);
  const parsed = parseWithSchema(OptionsSchema, options, `registerApp options for "${adapter.platform}"`);
  if (!connect.registerApp) {
    throw new ValidationError(`registerApp for "${adapter.platform}"`, [
      {
        path: ['adapter', 'connect', 'registerApp'],
        code: 'no_registration',
        message: `${adapter.platform} has no dynamic app registration: create the app in its developer portal and pass its clientId`,
      },
    ]);
  }
  const settings = { ...options.settings, instanceUrl: parsed.instanceUrl };
  return connect.registerApp(
    {
      appName: parsed.appName,
      redirectUri: parsed.redirectUri,
      scopes: parsed.scopes ?? connect.defaultScopes,
      ...(parsed.website ? { website: parsed.website } : {}),
    },
    {
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      now: options.now ?? Date.now,
      settings,
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
}
