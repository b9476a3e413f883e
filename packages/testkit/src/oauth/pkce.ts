import { createHash } from 'node:crypto';

// RFC 7636 §4.1: 43–128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * Whether `verifier` is a well-formed PKCE code verifier (RFC 7636 §4.1).
 *
 * @example
 * ```ts
 * isCodeVerifier('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'); // true
 * ```
 */
export function isCodeVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

/**
 * The S256 code challenge of a verifier: BASE64URL(SHA256(ASCII(verifier))) without padding (RFC 7636 §4.2).
 *
 * @example
 * ```ts
 * s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'); // 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
 * ```
 */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * Whether `verifier` proves `challenge` under `method` (RFC 7636 §4.6).
 *
 * @example
 * ```ts
 * verifierMatches('plain', 'abc…', 'abc…'); // true
 * ```
 */
export function verifierMatches(method: 'S256' | 'plain', challenge: string, verifier: string): boolean {
  return method === 'S256' ? s256Challenge(verifier) === challenge : verifier === challenge;
}
