import type { AdapterV1PostRef } from './adapter-v1-post-ref.js';

/** A post reference as an adapter returns it; core fills `platform` and `accountId` when left out. */
export type AdapterV1PostRefOutput = Omit<AdapterV1PostRef, 'platform'> & { platform?: string };
