import type { AdapterContext, PendingPublishOutput, PublishInput } from '@smm/core/adapter-kit';
import { publicMediaUrl } from '@smm/meta-graph';
import { planContainers } from './container-plan.js';
import { createObject } from './graph-call.js';
import type { InstagramOptions } from './network-options.js';
import type { InstagramHandle } from './pending-handle.js';
import { ensurePublishingRoom } from './publishing-cap.js';
import type { InstagramAdapterSettings } from './settings.js';

/**
 * Publishes a draft the Instagram way, as a pending publish: checks the content publishing limit,
 * puts media given as files or bytes on the app's `mediaHost` (Instagram fetches media from a
 * public URL), creates the container(s) — `POST /<IG_ID>/media`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media) —
 * and answers pending with a handle; `doGetPublishStatus` publishes once Instagram has processed them.
 *
 * @throws ValidationError when the draft does not fit its placement or media needs a host that is not set.
 * @throws PublishingLimitError when the account's publishing cap is reached.
 * @internal
 */
export async function doPublish(
  input: PublishInput<InstagramOptions>,
  context: AdapterContext,
  config: InstagramAdapterSettings,
): Promise<PendingPublishOutput> {
  const { draft } = input;
  const options = input.networkOptions;
  // Refuse a draft that does not fit before anything is hosted or sent.
  planContainers(
    draft,
    options,
    draft.media.map(() => ''),
  );
  if (config.checkPublishingLimit) await ensurePublishingRoom(context, config);
  const urls: string[] = [];
  for (const [index, media] of draft.media.entries()) {
    urls.push(await publicMediaUrl(media, config.mediaHost, { network: 'instagram', index, signal: context.signal }));
  }
  const plan = planContainers(draft, options, urls);
  const base = {
    caption: draft.text,
    placement: options?.placement ?? 'feed',
    since: new Date(context.clock.now()).toISOString(),
    ...(input.firstComment ? { firstComment: input.firstComment } : {}),
  } as const;
  const create = (fields: Record<string, string>) =>
    createObject(context, config, `${context.account.id}/media`, fields, 'POST /{ig-user-id}/media');
  let handle: InstagramHandle;
  if (plan.items.length > 0) {
    // A carousel is created from finished items: the items first, the carousel once they are processed.
    const children: string[] = [];
    for (const item of plan.items) children.push(await create(item));
    handle = { ...base, stage: 'children', children, root: plan.root };
  } else {
    handle = { ...base, stage: 'container', containerId: await create(plan.root) };
  }
  return {
    pending: handle,
    progress: { stage: 'IN_PROGRESS' },
    ...(plan.warnings.length ? { warnings: plan.warnings } : {}),
  };
}
