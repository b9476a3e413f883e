import { createFakeClock } from '../../clock/index.js';
import { createXSimulator } from '../index.js';

// 2026-01-05T09:00:00Z is 1767603600 s after the epoch (hand-computed).
export const START = '2026-01-05T09:00:00.000Z';

/** One answer of the simulator, as a test reads it. */
export interface XAnswer {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  body: Record<string, any> | null;
}

/** An X simulator on a fake clock at {@link START}, and `call` to send it a request with the account's token. */
export function setup(options: Parameters<typeof createXSimulator>[0] = {}) {
  const clock = createFakeClock({ now: START });
  const sim = createXSimulator({ clock, seed: 9, ...options });
  const answers: XAnswer[] = [];
  const call = async (
    method: string,
    path: string,
    init: { json?: unknown; form?: Record<string, string>; multipart?: FormData; token?: string } = {},
  ): Promise<XAnswer> => {
    const headers: Record<string, string> = { authorization: `Bearer ${init.token ?? sim.credentials.accessToken}` };
    let body: string | FormData | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.multipart) body = init.multipart;
    const response = await sim.fetch(`https://api.x.com${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    const answer = {
      method,
      path,
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as Record<string, any>) : null,
    };
    answers.push(answer);
    return answer;
  };
  return { clock, sim, call, answers };
}
