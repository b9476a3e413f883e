import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { containerPublishError, createContainerStore } from './index.js';

const HOUR = 3_600_000;

// https://developers.facebook.com/docs/instagram-platform/content-publishing ·
// https://developers.facebook.com/docs/threads/troubleshooting (the five statuses; EXPIRED after 24 h).
describe('createContainerStore', () => {
  it('moves IN_PROGRESS → FINISHED after the processing time, then PUBLISHED once', async () => {
    const clock = createFakeClock({ now: 0 });
    const store = createContainerStore<{ caption: string }>({ clock, finishAfterMs: 30_000 });
    const container = store.create('owner', { caption: 'hi' });
    expect(container.status).toBe('IN_PROGRESS');
    expect(store.publish(container.id, 'owner', () => 'm1')).toMatchObject({ ok: false, reason: 'not-ready' });
    await clock.advance(30_000);
    expect(store.poll(container.id)?.status).toBe('FINISHED');
    let minted = 0;
    const mint = () => `media-${(minted += 1)}`;
    expect(store.publish(container.id, 'owner', mint)).toMatchObject({ ok: true, mediaId: 'media-1', republished: false });
    expect(store.peek(container.id)).toMatchObject({ status: 'PUBLISHED', mediaId: 'media-1' });
    // Publishing again makes no second media.
    expect(store.publish(container.id, 'owner', mint)).toMatchObject({ ok: true, mediaId: 'media-1', republished: true });
    expect(store.publish(container.id, 'owner', mint, { republish: 'error' })).toMatchObject({ ok: false, reason: 'already-published' });
    expect(minted).toBe(1);
  });

  it('finishes after a number of polls when given, and refuses another account', () => {
    const clock = createFakeClock({ now: 0 });
    const store = createContainerStore({ clock, finishAfterMs: HOUR, finishAfterPolls: 2 });
    const { id } = store.create('owner', {});
    expect(store.poll(id)?.status).toBe('IN_PROGRESS');
    expect(store.poll(id)?.status).toBe('FINISHED');
    expect(store.publish(id, 'someone-else', () => 'x')).toMatchObject({ ok: false, reason: 'wrong-owner' });
    expect(store.publish('nope', 'owner', () => 'x')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('expires a container not published within 24 h, even a finished one', async () => {
    const clock = createFakeClock({ now: 0 });
    const store = createContainerStore({ clock });
    const { id } = store.create('owner', {});
    expect(store.peek(id)?.status).toBe('FINISHED');
    await clock.advance(24 * HOUR - 1);
    expect(store.peek(id)?.status).toBe('FINISHED');
    await clock.advance(1);
    expect(store.peek(id)?.status).toBe('EXPIRED');
    expect(store.publish(id, 'owner', () => 'x')).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('injects ERROR (with the reason) and a container that never finishes', async () => {
    const clock = createFakeClock({ now: 0 });
    const store = createContainerStore({ clock, finishAfterMs: 1000 });
    store.faults.failNext('FAILED_DOWNLOADING_VIDEO');
    store.faults.stallNext();
    const failed = store.create('owner', {});
    const stalled = store.create('owner', {});
    const fine = store.create('owner', {});
    expect(store.peek(failed.id)?.status).toBe('IN_PROGRESS');
    await clock.advance(1000);
    expect(store.peek(failed.id)).toMatchObject({ status: 'ERROR', errorMessage: 'FAILED_DOWNLOADING_VIDEO' });
    expect(store.peek(stalled.id)?.status).toBe('IN_PROGRESS');
    expect(store.peek(fine.id)?.status).toBe('FINISHED');
    await clock.advance(24 * HOUR);
    expect(store.peek(stalled.id)?.status).toBe('EXPIRED');
    store.faults.fail(fine.id);
    expect(store.publish(fine.id, 'owner', () => 'x')).toMatchObject({ ok: false, reason: 'error' });
  });
});

// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
describe('containerPublishError', () => {
  it("answers Instagram's documented codes for each refusal", async () => {
    const body = async (response: Response) => ((await response.json()) as { error: Record<string, unknown> }).error;
    expect(await body(containerPublishError('not-ready', '1'))).toMatchObject({ code: 9007, error_subcode: 2207027 });
    expect(await body(containerPublishError('expired', '1'))).toMatchObject({
      code: -2,
      error_subcode: 2207020,
      error_user_msg: 'The media you are trying to access has expired. Please try to upload again.',
    });
    expect(await body(containerPublishError('error', '1'))).toMatchObject({ code: -1, error_subcode: 2207032 });
    expect(await body(containerPublishError('not-found', '42'))).toMatchObject({
      code: 100,
      error_subcode: 33,
      type: 'GraphMethodException',
    });
  });

  // The body Threads sends for a container it cannot publish (reported: github.com/fbsamples/threads_api/issues/70).
  it("answers Threads' Media Not Found (24 / 4279009) naming the container", async () => {
    const response = containerPublishError('not-ready', '18058571375416420', 'threads');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: Record<string, unknown> }).error).toMatchObject({
      message: 'The requested resource does not exist',
      type: 'OAuthException',
      code: 24,
      error_subcode: 4279009,
      is_transient: false,
      error_user_title: 'Media Not Found',
      error_user_msg: 'The media with id 18058571375416420 cannot be found.',
    });
  });
});
