import { describeRequest, type HeadersLike, type RedactedRequest } from './redact.js';
import type { SmmErrorOptions } from './smm-error.js';

/** A request as an error may be given it: it is redacted on the way in and never kept raw. */
export interface RequestLike {
  method?: string;
  url: string;
  headers?: HeadersLike;
}

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
