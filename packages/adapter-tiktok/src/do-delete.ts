import { UnsupportedFeatureError } from '@smm/core/adapter-kit';

/** TikTok's APIs offer no way to delete a post (`capabilities.delete` is false; core refuses first). @internal */
export async function doDelete(): Promise<never> {
  throw new UnsupportedFeatureError('TikTok offers no API to delete a post: delete it in the TikTok app', {
    platform: 'tiktok',
    feature: 'delete',
  });
}
