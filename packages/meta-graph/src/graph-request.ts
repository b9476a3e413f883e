import type { AdapterHttpClient } from '@smm/core/adapter-kit';

/** One request through an adapter's HTTP client (core's request shape). */
export type GraphRequest = Parameters<AdapterHttpClient['request']>[0];
