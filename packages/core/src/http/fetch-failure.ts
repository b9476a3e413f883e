// Error codes that mean the request never left this machine, so the platform cannot have
// acted on it: refused connection, DNS failure, unreachable host, connect timeout (undici).
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Whether a fetch failure happened while connecting (before anything was sent), found by
 * walking the error's `cause` chain and `AggregateError` members for a connect-phase code.
 * @internal
 */
export function failedWhileConnecting(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECT_CODES.has(code)) return true;
    queue.push((current as { cause?: unknown }).cause);
    const members = (current as { errors?: unknown }).errors;
    if (Array.isArray(members)) queue.push(...members);
  }
  return false;
}
