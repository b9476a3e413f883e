import { z } from 'zod';
import type { AdapterErrorResponse, ErrorMapping } from '@smm/core/adapter-kit';

// TikTok API v2 errors: { data: {}, error: { code, message, log_id } }; OAuth errors: { error, error_description, log_id }.
// https://developers.tiktok.com/doc/tiktok-api-v2-error-handling
const ApiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string().optional(), log_id: z.string().optional() }) });
const OAuthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional(), log_id: z.string().optional() });

/** TikTok's error code, message and log id from an error body, when it has them. @internal */
export function readTikTokError(body: unknown): { code: string; message?: string | undefined; logId?: string | undefined } | undefined {
  const api = ApiErrorSchema.safeParse(body);
  if (api.success) return { code: api.data.error.code, message: api.data.error.message, logId: api.data.error.log_id };
  const oauth = OAuthErrorSchema.safeParse(body);
  if (oauth.success) return { code: oauth.data.error, message: oauth.data.error_description, logId: oauth.data.log_id };
  return undefined;
}

// What the creator or developer must change: said in the message, with TikTok's code kept as platformCode.
const ADVICE: Record<string, string> = {
  privacy_level_option_mismatch: 'choose a privacy level the creator offers (creator_info privacy_level_options)',
  unaudited_client_can_only_post_to_private_accounts:
    'an unaudited app may only post SELF_ONLY: set the adapter setting audited: false, or get the app audited by TikTok',
  url_ownership_unverified: 'PULL_FROM_URL needs a URL prefix or domain verified in the TikTok developer portal',
  spam_risk_too_many_posts: 'the creator reached the daily post cap for API posts: try again tomorrow',
  spam_risk_user_banned_from_posting: 'the creator is banned from posting',
  reached_active_user_cap: 'an unaudited app reached its daily cap of active posting users',
  scope_not_authorized: 'ask the creator to authorise the missing scope (video.publish, video.upload, video.list, user.info.basic)',
  access_token_invalid: 'the access token expired or was revoked',
};

// Codes where TikTok refused the request and created nothing: a retry cannot duplicate a post.
const REFUSED = new Set([400, 401, 403, 404, 413, 429]);

/**
 * Maps a TikTok error response: `access_token_invalid` (401) → refreshable auth failure;
 * `scope_not_authorized` → auth failure a refresh cannot fix; 429 `rate_limit_exceeded` → rate
 * limit (core waits for the minute); 4xx refusals are marked not acted on. The message carries
 * TikTok's message, advice and `log_id` (which TikTok support asks for).
 * https://developers.tiktok.com/doc/tiktok-api-v2-error-handling @internal
 */
export function mapTikTokError(response: AdapterErrorResponse): ErrorMapping | undefined {
  const { status } = response;
  const error = readTikTokError(response.body);
  const parts = [error?.message, error ? ADVICE[error.code] : undefined, error?.logId ? `log_id ${error.logId}` : undefined].filter(
    Boolean,
  );
  const mapping: ErrorMapping = {
    ...(error ? { platformCode: error.code } : {}),
    ...(parts.length > 0 ? { message: parts.join('; ') } : {}),
  };
  if (error?.code === 'access_token_invalid' || (status === 401 && error?.code !== 'scope_not_authorized'))
    mapping.auth = { refreshable: true };
  else if (error?.code === 'scope_not_authorized' || error?.code === 'invalid_grant' || error?.code === 'invalid_client')
    mapping.auth = { refreshable: false };
  if (error?.code === 'rate_limit_exceeded') mapping.rateLimited = true;
  if (REFUSED.has(status)) mapping.notActedOn = true;
  return mapping;
}
