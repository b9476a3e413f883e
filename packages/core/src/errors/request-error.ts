import { describeRequest, type RedactedRequest, type RequestLike } from './redact.js';
import type { SmmErrorOptions } from './smm-error.js';

export type { RequestLike } from './redact.js';

/** Options shared by errors that come from an HTTP request. */
export interface RequestErrorOptions extends SmmErrorOptions {
  /** The request that failed; only its redacted description is kept. */
  request?: RequestLike;
  /** The network the request went to. */
  platform?: string;
}

/** Redacts the request an error was given, with the error's known secrets. */
export function redactedRequestOf(options: RequestErrorOptions): RedactedRequest | undefined {
  return options.request ? describeRequest(options.request, { secrets: options.secrets ?? [] }) : undefined;
}
