import { compact, numberHeader } from './header-values.js';
import type { RateLimitObservation, RateLimitParser } from './types.js';

// Above this a reset is an epoch in seconds (Bluesky sends those), below it delta seconds
// as the draft says: 10^9 s is 2001-09-09, and no window lasts 31 years.
const EPOCH_SECONDS_THRESHOLD = 1e9;

function resetToEpochMs(reset: number, now: number): number {
  return reset > EPOCH_SECONDS_THRESHOLD ? reset * 1000 : now + reset * 1000;
}

/** `key=value` parameters of one structured-field item (`"default";q=100;w=60` or `100;w=60`). */
function itemParameters(item: string): { head: string; params: Map<string, string> } {
  const [head = '', ...rest] = item.split(';').map((part) => part.trim());
  const params = new Map<string, string>();
  for (const part of rest) {
    const at = part.indexOf('=');
    if (at > 0)
      params.set(
        part.slice(0, at).trim().toLowerCase(),
        part
          .slice(at + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      );
  }
  return { head, params };
}

function finite(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  return Number(value);
}

/** The first policy of `ratelimit-policy`: `100;w=300` (draft 3–7) or `"name";q=100;w=300` (draft 8+). */
function parsePolicy(value: string | null): { quota?: number; windowMs?: number } {
  if (!value) return {};
  const first = value.split(',')[0] ?? '';
  const { head, params } = itemParameters(first);
  const window = finite(params.get('w'));
  return compact({ quota: finite(params.get('q')) ?? finite(head), windowMs: window === undefined ? undefined : window * 1000 });
}

/** The combined `RateLimit` header: `limit=100, remaining=50, reset=30` (draft 7) or `"name";r=50;t=30` (draft 8+). */
function parseCombined(value: string | null): { limit?: number; remaining?: number; reset?: number } {
  if (!value) return {};
  if (/\blimit=|\bremaining=|\breset=/.test(value)) {
    const fields = new Map(
      value.split(',').map((part) => {
        const [name = '', raw = ''] = part.split('=');
        return [name.trim().toLowerCase(), raw.trim()] as const;
      }),
    );
    return compact({ limit: finite(fields.get('limit')), remaining: finite(fields.get('remaining')), reset: finite(fields.get('reset')) });
  }
  const { params } = itemParameters(value.split(',')[0] ?? '');
  return compact({ remaining: finite(params.get('r')), reset: finite(params.get('t')) });
}

/**
 * Reads the IETF `RateLimit` header fields: `ratelimit-limit`, `ratelimit-remaining`,
 * `ratelimit-reset` and `ratelimit-policy` (`100;w=300` → a 300 s window), plus the combined
 * `RateLimit` header of later drafts. A reset above 10^9 is read as epoch seconds (Bluesky),
 * smaller values as seconds from now (the draft).
 *
 * @example
 * ```ts
 * parseIetfRateLimitHeaders(
 *   { status: 200, headers: new Headers({ 'ratelimit-limit': '5000', 'ratelimit-remaining': '4997', 'ratelimit-reset': '1767229200', 'ratelimit-policy': '5000;w=3600' }) },
 *   { now: Date.now(), bucket: 'write' },
 * ); // [{ limit: 5000, remaining: 4997, resetAtMs: 1767229200000, windowMs: 3600000 }]
 * ```
 */
export const parseIetfRateLimitHeaders: RateLimitParser = (response, context) => {
  const { headers } = response;
  const combined = parseCombined(headers.get('ratelimit'));
  const policy = parsePolicy(headers.get('ratelimit-policy'));
  const limit = numberHeader(headers, 'ratelimit-limit') ?? combined.limit ?? policy.quota;
  const remaining = numberHeader(headers, 'ratelimit-remaining') ?? combined.remaining;
  const reset = numberHeader(headers, 'ratelimit-reset') ?? combined.reset;
  if (limit === undefined && remaining === undefined && reset === undefined) return [];
  const observation: RateLimitObservation = compact({
    limit,
    remaining,
    resetAtMs: reset === undefined ? undefined : resetToEpochMs(reset, context.now),
    windowMs: policy.windowMs,
  });
  return [observation];
};
