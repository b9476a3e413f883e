import { json } from '../simulator/index.js';

/**
 * TikTok API v2's answer shape: every response carries `data` and an `error` struct whose `code`
 * is `ok` on success, with a `log_id`. https://developers.tiktok.com/doc/tiktok-api-v2-error-handling
 * @internal
 */
export interface TikTokError {
  status: number;
  code: string;
  message: string;
}

let serial = 0;

/** A log id shaped like TikTok's (timestamp digits + hex). @internal */
export function logId(now: number): string {
  serial += 1;
  const stamp = new Date(now).toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}${(serial * 2654435761).toString(16).toUpperCase().padStart(8, '0').slice(-8)}0000`;
}

/** A success: `{ data, error: { code: 'ok', message: '', log_id } }`. @internal */
export function ok(now: number, data: unknown, status = 200): Response {
  return json(status, { data, error: { code: 'ok', message: '', log_id: logId(now) } });
}

/** An error in TikTok's envelope (`data` empty). @internal */
export function fail(now: number, error: TikTokError): Response {
  return json(error.status, { data: {}, error: { code: error.code, message: error.message, log_id: logId(now) } });
}

/** `invalid_params` (400), the error code for a field TikTok refuses. @internal */
export function invalidParams(message: string): TikTokError {
  return { status: 400, code: 'invalid_params', message };
}
