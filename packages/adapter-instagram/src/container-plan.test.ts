import { ValidationError, type PublishInput } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { planContainers } from './container-plan.js';
import { InstagramOptionsSchema } from './network-options.js';

type Draft = PublishInput['draft'];
const image = (altText?: string) => ({
  kind: 'image' as const,
  source: { type: 'url' as const, url: 'u' },
  mimeType: 'image/jpeg',
  ...(altText ? { altText } : {}),
});
const video = { kind: 'video' as const, source: { type: 'url' as const, url: 'u' }, mimeType: 'video/mp4', altText: 'a clip' };
const draft = (text: string, media: Draft['media']): Draft => ({
  text,
  media,
  thread: [],
  visibility: 'public',
  tags: [],
  networkOptions: {},
});
const options = (input: unknown) => InstagramOptionsSchema.parse(input);

// Expected fields from the IG User Media reference (POST /<IG_ID>/media).
describe('planContainers', () => {
  it('an image: image_url, caption, alt_text, location_id and collaborators as Graph takes them', () => {
    expect(
      planContainers(draft('Hi', [image('A cup')]), options({ locationId: '123', collaborators: ['ana.b'] }), ['https://x/a.jpg']),
    ).toEqual({
      items: [],
      root: { image_url: 'https://x/a.jpg', alt_text: 'A cup', caption: 'Hi', location_id: '123', collaborators: '["ana.b"]' },
      videoItems: false,
      warnings: [],
    });
  });

  it('a video: a reel shared to the feed, with cover and thumb offset; its alt text dropped with a warning', () => {
    const plan = planContainers(draft('Reel', [video]), options({ shareToFeed: false, coverUrl: 'https://x/c.jpg', thumbOffsetMs: 1500 }), [
      'https://x/v.mp4',
    ]);
    expect(plan.root).toEqual({
      media_type: 'REELS',
      video_url: 'https://x/v.mp4',
      caption: 'Reel',
      share_to_feed: 'false',
      cover_url: 'https://x/c.jpg',
      thumb_offset: '1500',
    });
    expect(plan.warnings.map((warning) => warning.code)).toEqual(['alt_text_dropped']);
  });

  it('a carousel: items without captions (videos as VIDEO), the caption on the CAROUSEL container', () => {
    const plan = planContainers(draft('Both', [image('x'), video]), undefined, ['https://x/a.jpg', 'https://x/v.mp4']);
    expect(plan.items).toEqual([
      { image_url: 'https://x/a.jpg', alt_text: 'x', is_carousel_item: 'true' },
      { media_type: 'VIDEO', video_url: 'https://x/v.mp4', is_carousel_item: 'true' },
    ]);
    expect(plan.root).toEqual({ media_type: 'CAROUSEL', caption: 'Both' });
    expect(plan.videoItems).toBe(true);
  });

  it('refuses what a placement cannot take, every problem at once', () => {
    const codes = (text: string, media: Draft['media'], input: unknown) => {
      try {
        planContainers(
          draft(text, media),
          options(input),
          media.map(() => ''),
        );
      } catch (error) {
        return ValidationError.isInstance(error) ? error.issues.map((issue) => issue.code) : [];
      }
      return [];
    };
    expect(codes('words', [image(), image()], { placement: 'story', collaborators: ['a'] })).toEqual([
      'story_needs_one_media',
      'story_has_no_caption',
      'story_collaborators',
    ]);
    expect(codes('', [image()], { placement: 'reel' })).toEqual(['reel_needs_one_video']);
    expect(codes('', [image()], { coverUrl: 'https://x/c.jpg' })).toEqual(['reel_option_on_image']);
    expect(codes('', [image(), video], { shareToFeed: true })).toEqual(['reel_option_on_carousel']);
  });
});
