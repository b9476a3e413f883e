import { httpUrlSchema } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { GRAPH_API_VERSION, graphApiVersionSchema, THREADS_API_VERSION } from './api-version.js';
import { GRAPH_HOSTS, type GraphLoginKind } from './graph-hosts.js';

/**
 * The settings every Graph adapter takes, validated the same way: `apiVersion` (default the
 * pinned version of the login kind), `baseUrl` (default the kind's API host), and the app's
 * `appId` / `appSecret` (needed to exchange and, for Facebook, to renew tokens; optional when the
 * app hands the adapter long-lived tokens itself). Spread it into the adapter's settings object.
 *
 * @example
 * ```ts
 * const InstagramSettingsSchema = z.strictObject({ ...graphSettingsShape('instagram'), mediaHost: z.custom<PublicMediaHost>().optional() });
 * InstagramSettingsSchema.parse({}); // { apiVersion: 'v26.0', baseUrl: 'https://graph.instagram.com' }
 * ```
 */
export function graphSettingsShape(kind: GraphLoginKind): GraphSettingsShape {
  const host = GRAPH_HOSTS[kind].api;
  return {
    apiVersion: graphApiVersionSchema.default(kind === 'threads' ? THREADS_API_VERSION : GRAPH_API_VERSION),
    baseUrl: httpUrlSchema(host)
      .default(host)
      .transform((url) => url.replace(/\/+$/, '')),
    appId: z
      .string()
      .regex(/^\d+$/, { error: 'must be the app id from the App Dashboard (digits only), e.g. "990602627938098"' })
      .optional(),
    appSecret: z.string().min(1, { error: 'must be the app secret from the App Dashboard (App settings > Basic)' }).optional(),
  };
}

/** The zod shape {@link graphSettingsShape} returns (spread it into an object schema). */
export interface GraphSettingsShape {
  apiVersion: z.ZodDefault<z.ZodString>;
  baseUrl: z.ZodPipe<z.ZodDefault<z.ZodURL>, z.ZodTransform<string, string>>;
  appId: z.ZodOptional<z.ZodString>;
  appSecret: z.ZodOptional<z.ZodString>;
}

/** What {@link graphSettingsShape} yields once parsed. */
export interface GraphSettings {
  apiVersion: string;
  baseUrl: string;
  appId?: string | undefined;
  appSecret?: string | undefined;
}
