import { UnsupportedFeatureError } from '@smm/core/adapter-kit';

/** The Content Posting and Display APIs read no comments or mentions (`capabilities.mentionKinds` is empty; core refuses first). @internal */
export async function doListMentions(): Promise<never> {
  throw new UnsupportedFeatureError('TikTok’s Content Posting and Display APIs read no comments or mentions', {
    platform: 'tiktok',
    feature: 'mentions',
  });
}
