import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createLinkedInSimulator } from './linkedin-simulator.js';

const HEADERS = { authorization: 'Bearer linkedin-token-0', 'linkedin-version': '202610', 'x-restli-protocol-version': '2.0.0' };
const ORG = 'urn:li:organization:2414183';
const MB4 = 4 * 1024 * 1024;

describe('LinkedIn simulator', () => {
  it('splits a video into 4 MB byte ranges, keeps each part ETag, and processes it after finalizeUpload', async () => {
    const clock = createFakeClock();
    const sim = createLinkedInSimulator({ clock, videoProcessingMs: 2_000 });
    const post = (path: string, body: unknown) =>
      sim.fetch(`${sim.baseUrl}${path}`, {
        method: 'POST',
        headers: { ...HEADERS, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const size = 2 * MB4 + 1_000;
    const init = (await (
      await post('/rest/videos?action=initializeUpload', { initializeUploadRequest: { owner: ORG, fileSizeBytes: size } })
    ).json()) as {
      value: { video: string; uploadInstructions: Array<{ uploadUrl: string; firstByte: number; lastByte: number }> };
    };
    // Hand-computed: 0–4194303, 4194304–8388607, 8388608–8389607.
    expect(init.value.uploadInstructions.map(({ firstByte, lastByte }) => [firstByte, lastByte])).toEqual([
      [0, 4_194_303],
      [4_194_304, 8_388_607],
      [8_388_608, 8_389_607],
    ]);
    const etags: string[] = [];
    for (const part of init.value.uploadInstructions) {
      const response = await sim.fetch(part.uploadUrl, {
        method: 'PUT',
        headers: { authorization: HEADERS.authorization, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(part.lastByte - part.firstByte + 1),
      });
      expect(response.status).toBe(200);
      etags.push(response.headers.get('etag')!);
    }
    const status = async () =>
      (
        (await (await sim.fetch(`${sim.baseUrl}/rest/videos/${encodeURIComponent(init.value.video)}`, { headers: HEADERS })).json()) as {
          status: string;
        }
      ).status;
    expect(await status()).toBe('WAITING_UPLOAD');
    expect(
      (
        await post('/rest/videos?action=finalizeUpload', {
          finalizeUploadRequest: { video: init.value.video, uploadToken: '', uploadedPartIds: etags },
        })
      ).status,
    ).toBe(200);
    expect(await status()).toBe('PROCESSING');
    await clock.advance(2_000);
    expect(await status()).toBe('AVAILABLE');
  });

  it("counts others' comments on the author's posts as mentions and reports followers and share statistics for the organisation", async () => {
    const sim = createLinkedInSimulator({ clock: createFakeClock(), seedPosts: 3 });
    const posts = sim.posts().filter((post) => post.extra.kind === 'post');
    expect(posts).toHaveLength(3);
    expect(posts[0]!.text).toBe('Archive update #1 (seeded) #news');
    expect(sim.mentionCount()).toBeGreaterThanOrEqual(3);
    expect(Object.keys(sim.reportedPostMetrics(posts[0]!.id)).sort()).toEqual(
      ['clickCount', 'commentCount', 'engagement', 'impressionCount', 'likeCount', 'shareCount', 'uniqueImpressionsCount'].sort(),
    );
    expect(sim.reportedAccountMetrics()).toEqual({ firstDegreeSize: expect.any(Number) });
    expect(createLinkedInSimulator({ clock: createFakeClock(), postAs: 'person' }).reportedAccountMetrics()).toEqual({});
  });
});
