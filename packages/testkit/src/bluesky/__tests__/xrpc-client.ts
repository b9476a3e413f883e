import type { BlueskySimulator } from '../bluesky-simulator.js';

/** What one XRPC call answered: status, headers and the parsed JSON body (null when empty). */
export interface XrpcAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * A small XRPC client for the simulator's own tests: `call` any method (JSON or raw body),
 * `login` with the simulator's app password, `createPost` an `app.bsky.feed.post` record
 * stamped `createdAt` (extra input fields such as `rkey` in `extra`).
 */
export function xrpcClient(sim: BlueskySimulator, createdAt: string) {
  const call = async (
    method: 'GET' | 'POST',
    nsid: string,
    init: { json?: unknown; query?: string; token?: string; body?: BodyInit; type?: string } = {},
  ): Promise<XrpcAnswer> => {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (init.type) headers['content-type'] = init.type;
    const response = await sim.fetch(`${sim.baseUrl}/xrpc/${nsid}${init.query ? `?${init.query}` : ''}`, {
      method,
      headers,
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body ? { body: init.body } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
  const login = async () =>
    (await call('POST', 'com.atproto.server.createSession', { json: sim.credentials })).body as {
      accessJwt: string;
      refreshJwt: string;
      did: string;
    };
  const createPost = (token: string, record: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    call('POST', 'com.atproto.repo.createRecord', {
      token,
      json: {
        repo: sim.account.id,
        collection: 'app.bsky.feed.post',
        record: { $type: 'app.bsky.feed.post', createdAt, ...record },
        ...extra,
      },
    });
  return { call, login, createPost };
}
