import type { RateLimitObservation, RateLimitParser } from './types.js';

interface Usage {
  percentUsed: number;
  regainMinutes: number;
}

const PERCENT_FIELDS = ['call_count', 'total_cputime', 'total_time', 'acc_id_util_pct'] as const;

function usageOf(entry: unknown): Usage | undefined {
  if (entry === null || typeof entry !== 'object') return undefined;
  const record = entry as Record<string, unknown>;
  const percents = PERCENT_FIELDS.map((field) => record[field]).filter(
    (value): value is number => typeof value === 'number' && Number.isFinite(value),
  );
  const regain = record.estimated_time_to_regain_access;
  if (percents.length === 0 && typeof regain !== 'number') return undefined;
  return { percentUsed: percents.length ? Math.max(...percents) : 0, regainMinutes: typeof regain === 'number' && regain > 0 ? regain : 0 };
}

function parseJson(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * Reads Meta's usage headers (Facebook, Instagram, Threads): `X-App-Usage`
 * (`{"call_count":28,"total_cputime":25,"total_time":25}`, percent of the limit used) and
 * `X-Business-Use-Case-Usage` (per business id, with `estimated_time_to_regain_access` in
 * minutes). Reports the most used of them as `limit: 100` and `remaining: 100 − percent`, with
 * a reset when Meta says when access comes back.
 *
 * @example
 * ```ts
 * parseUsagePercentHeaders(
 *   { status: 200, headers: new Headers({ 'x-app-usage': '{"call_count":28,"total_cputime":25,"total_time":25}' }) },
 *   { now: Date.now(), bucket: 'read' },
 * ); // [{ limit: 100, remaining: 72 }]
 * ```
 */
export const parseUsagePercentHeaders: RateLimitParser = (response, context) => {
  const usages: Usage[] = [];
  const app = usageOf(parseJson(response.headers.get('x-app-usage')));
  if (app) usages.push(app);
  const business = parseJson(response.headers.get('x-business-use-case-usage'));
  if (business !== null && typeof business === 'object') {
    for (const entries of Object.values(business as Record<string, unknown>)) {
      for (const entry of Array.isArray(entries) ? entries : [entries]) {
        const usage = usageOf(entry);
        if (usage) usages.push(usage);
      }
    }
  }
  if (usages.length === 0) return [];
  const percentUsed = Math.max(...usages.map((usage) => usage.percentUsed));
  const regainMinutes = Math.max(...usages.map((usage) => usage.regainMinutes));
  const observation: RateLimitObservation = { limit: 100, remaining: Math.max(0, Math.floor(100 - percentUsed)) };
  if (regainMinutes > 0) observation.resetAtMs = context.now + regainMinutes * 60_000;
  return [observation];
};
