// Off-spec requests get LinkedIn's own answers. Every expected body here is written out by hand from
// the doc pages cited in linkedin-simulator.ts, never produced by the simulator's code.
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createLinkedInSimulator } from './linkedin-simulator.js';

const HEADERS = {
  authorization: 'Bearer linkedin-token-0',
  'linkedin-version': '202610',
  'x-restli-protocol-version': '2.0.0',
  'content-type': 'application/json',
};
const ORG = 'urn:li:organization:2414183';
const POST = {
  author: ORG,
  commentary: 'hello',
  visibility: 'PUBLIC',
  distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
  lifecycleState: 'PUBLISHED',
};

function setup() {
  const sim = createLinkedInSimulator({ clock: createFakeClock() });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string | undefined> = HEADERS) => {
    const sent = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const response = await sim.fetch(`${sim.baseUrl}${path}`, {
      method,
      headers: sent,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
  return { sim, call };
}

describe('LinkedIn simulator: off-spec requests', () => {
  it('refuses a request without Linkedin-Version (400 VERSION_MISSING) and with a version no longer served (426)', async () => {
    const { call } = setup();
    expect(
      await call('GET', '/rest/posts?q=author&author=urn%3Ali%3Aorganization%3A2414183', undefined, {
        ...HEADERS,
        'linkedin-version': undefined,
      }),
    ).toMatchObject({
      status: 400,
      body: {
        status: 400,
        code: 'VERSION_MISSING',
        message: 'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
      },
    });
    expect(
      await call('GET', '/rest/posts?q=author&author=urn%3Ali%3Aorganization%3A2414183', undefined, {
        ...HEADERS,
        'linkedin-version': '202001',
      }),
    ).toMatchObject({
      status: 426,
      body: { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 202001 is not active' },
    });
  });

  it('refuses a request without X-Restli-Protocol-Version: 2.0.0, and a token it does not know (401, 65600)', async () => {
    const { call } = setup();
    expect((await call('POST', '/rest/posts', POST, { ...HEADERS, 'x-restli-protocol-version': undefined })).status).toBe(400);
    expect(await call('POST', '/rest/posts', POST, { ...HEADERS, authorization: 'Bearer nope' })).toEqual(
      expect.objectContaining({
        status: 401,
        body: { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' },
      }),
    );
  });

  it('answers a missing required field with the 422 LinkedIn words as "ERROR :: /field :: …"', async () => {
    const { call } = setup();
    const { author: _author, ...withoutAuthor } = POST;
    expect(await call('POST', '/rest/posts', withoutAuthor)).toMatchObject({
      status: 422,
      body: { message: 'ERROR :: /author :: field is required but not found and has no default value\n', status: 422 },
    });
    const { lifecycleState: _state, ...withoutState } = POST;
    expect((await call('POST', '/rest/posts', withoutState)).body).toEqual({
      message: 'ERROR :: /lifecycleState :: field is required but not found and has no default value\n',
      status: 422,
    });
  });

  it('creates a post with 201, no body and the URN in x-restli-id; an author the member may not act for gets 403', async () => {
    const { call } = setup();
    const created = await call('POST', '/rest/posts', POST);
    expect(created.status).toBe(201);
    expect(created.body).toBeUndefined();
    expect(created.headers.get('x-restli-id')).toMatch(/^urn:li:share:\d+$/);
    expect((await call('POST', '/rest/posts', { ...POST, author: 'urn:li:organization:1' })).status).toBe(403);
  });

  it('silently cuts commentary at the first unescaped reserved character, as LinkedIn does', async () => {
    const { sim, call } = setup();
    const created = await call('POST', '/rest/posts', { ...POST, commentary: 'Prices (from 10 EUR) are up' });
    expect(created.status).toBe(201);
    expect(sim.posts().find((post) => post.id === created.headers.get('x-restli-id'))!.text).toBe('Prices ');
  });

  it('refuses a post whose video is still PROCESSING, a one-image multiImage, and a finalizeUpload with the wrong ETags', async () => {
    const { call } = setup();
    const init = await call('POST', '/rest/videos?action=initializeUpload', { initializeUploadRequest: { owner: ORG, fileSizeBytes: 10 } });
    const { video, uploadInstructions } = (init.body as { value: { video: string; uploadInstructions: Array<{ uploadUrl: string }> } })
      .value;
    const url = new URL(uploadInstructions[0]!.uploadUrl);
    const part = await call('PUT', url.pathname, undefined, { authorization: HEADERS.authorization });
    // The part must be bytes 0 to 9: an empty body is refused.
    expect(part.status).toBe(400);
    expect(
      (
        await call('POST', '/rest/videos?action=finalizeUpload', {
          finalizeUploadRequest: { video, uploadToken: '', uploadedPartIds: ['x'] },
        })
      ).status,
    ).toBe(400);
    expect((await call('POST', '/rest/posts', { ...POST, content: { media: { id: video } } })).body).toEqual({
      message: `ERROR :: /content/media/id :: ${video} is not AVAILABLE (status WAITING_UPLOAD)\n`,
      status: 422,
    });
    const image = await call('POST', '/rest/images?action=initializeUpload', { initializeUploadRequest: { owner: ORG } });
    const urn = (image.body as { value: { image: string } }).value.image;
    expect((await call('POST', '/rest/posts', { ...POST, content: { multiImage: { images: [{ id: urn }] } } })).status).toBe(422);
  });

  it('answers a rate-limit fault with a bare 429 and no rate-limit headers (LinkedIn sends none)', async () => {
    const { sim, call } = setup();
    sim.faults.inject({ kind: '429-storm' });
    const limited = await call('POST', '/rest/posts', POST);
    expect(limited.status).toBe(429);
    expect([...limited.headers.keys()].filter((name) => /rate|retry/i.test(name))).toEqual([]);
  });
});
