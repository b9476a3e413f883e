import { LARGE_BODY_BYTES, largeMultipartFields, readLargeBody } from './large-body.js';
/** One request a simulator received, as recorded in `sim.requests` for shape assertions. */
export interface RecordedRequest {
  method: string;
  /** The path, without the query (`/2/tweets`). */
  path: string;
  /** Query parameters; repeated names (`types[]`) become arrays. */
  query: Record<string, string | string[]>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /**
   * The body: parsed JSON, form fields (urlencoded or multipart; files as `{ filename, type, size }`),
   * raw text when unparseable, or undefined when empty.
   */
  body: unknown;
  /** Body size in bytes (0 when empty). */
  bodySize: number;
  /** When the simulator received it (simulated time, ISO-8601). */
  at: string;
  /** SHA-256 of a body above 8 MiB, which is read as a stream and not kept (`bytes` is then empty). */
  sha256?: Uint8Array;
}

function collect(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    const existing = out[name];
    if (existing === undefined) out[name] = name.endsWith('[]') ? [value] : value;
    else out[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** Reads a request into its recorded form (the original request stays unread). @internal */
export async function readRequest(request: Request, at: string): Promise<RecordedRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const type = headers['content-type'] ?? '';
  let body: unknown;
  let bodySize = 0;
  const declared = Number(headers['content-length'] ?? 0);
  if (declared > LARGE_BODY_BYTES && request.body) {
    // A large upload is read as a stream (the simulator must not hold what the client streams).
    const large = await readLargeBody(request.body!);
    return {
      method: request.method.toUpperCase(),
      path: url.pathname,
      query: collect(url.searchParams.entries()) as Record<string, string | string[]>,
      headers,
      body: type.includes('multipart/form-data') ? largeMultipartFields(large, type) : undefined,
      bodySize: large.size,
      at,
      sha256: large.sha256,
    };
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const bytes = await request.clone().arrayBuffer();
    bodySize = bytes.byteLength;
    const copy = request.clone();
    if (type.includes('multipart/form-data')) {
      const form = await copy.formData();
      body = collect(
        [...form.entries()].map(([name, value]) => [
          name,
          typeof value === 'string' ? value : { filename: value.name, type: value.type, size: value.size },
        ]),
      );
    } else if (type.startsWith('application/octet-stream')) {
      // Raw bytes (an upload part): handlers read `bytes`; decoding megabytes as text would only churn memory.
      body = undefined;
    } else {
      const text = new TextDecoder().decode(bytes);
      if (text === '') body = undefined;
      else if (type.includes('application/x-www-form-urlencoded')) body = collect(new URLSearchParams(text).entries());
      else {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
    }
  }
  return {
    method: request.method.toUpperCase(),
    path: url.pathname,
    query: collect(url.searchParams.entries()) as Record<string, string | string[]>,
    headers,
    body,
    bodySize,
    at,
  };
}
