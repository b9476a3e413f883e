import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdapterV1MediaRules } from '../adapter-spec/index.js';
import { checkMediaAgainstRules, type MediaFacts } from './check-media-rules.js';

const base: AdapterV1MediaRules = { maxItems: 4, kinds: ['image', 'video'] };

describe('checkMediaAgainstRules', () => {
  it('lists a too-large image and a wrong aspect ratio, each with its field and a fix', () => {
    const rules: AdapterV1MediaRules = {
      ...base,
      maxSizeBytes: { image: 1_000_000 },
      files: { image: { minAspectRatio: 0.8, maxAspectRatio: 1.91 } },
    };
    const problems = checkMediaAgainstRules(
      { sizeBytes: 2_000_000, width: 3000, height: 1000, mimeType: 'image/png' },
      { kind: 'image' },
      rules,
      ['media', 1],
    );
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['media[1].sizeBytes', 'media_too_large'],
      ['media[1].aspectRatio', 'media_aspect_ratio'],
    ]);
    for (const problem of problems) expect(problem.message).toMatch(/\(fix: .+\)$/);
  });

  it('does not check what is unknown', () => {
    const rules: AdapterV1MediaRules = {
      ...base,
      files: { video: { maxDurationMs: 1000, formats: ['video/mp4'], videoCodecs: ['avc1'] } },
    };
    expect(checkMediaAgainstRules({}, { kind: 'video' }, rules)).toEqual([]);
  });

  // Every rule a random file breaks is reported once, and no rule it keeps is reported.
  it('reports each broken rule exactly once (property)', () => {
    const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const n = fc.integer({ min: 1, max: 10_000 });
    const rulesArb = fc.record({
      formats: opt(fc.subarray(['image/png', 'image/jpeg', 'image/webp'], { minLength: 1 })),
      minBytes: opt(n),
      maxBytes: opt(n),
      minWidth: opt(n),
      maxWidth: opt(n),
      minHeight: opt(n),
      maxHeight: opt(n),
      minAspectRatio: opt(fc.double({ min: 0.1, max: 10, noNaN: true })),
      maxAspectRatio: opt(fc.double({ min: 0.1, max: 10, noNaN: true })),
      minDurationMs: opt(n),
      maxDurationMs: opt(n),
      videoCodecs: opt(fc.subarray(['avc1', 'hvc1', 'vp09'], { minLength: 1 })),
    });
    const factsArb = fc.record({
      sizeBytes: n,
      width: n,
      height: n,
      durationMs: n,
      mimeType: fc.constantFrom('image/png', 'image/jpeg', 'image/gif'),
      videoCodec: fc.constantFrom('avc1', 'hvc1', 'av01'),
    });
    fc.assert(
      fc.property(rulesArb, factsArb, (drawn, facts: Required<MediaFacts>) => {
        const file = Object.fromEntries(Object.entries(drawn).filter(([, value]) => value !== undefined));
        const r = file as typeof drawn;
        const expected = new Set<string>();
        if (r.formats && !r.formats.includes(facts.mimeType)) expected.add('mimeType');
        if ((r.maxBytes !== undefined && facts.sizeBytes > r.maxBytes) || (r.minBytes !== undefined && facts.sizeBytes < r.minBytes))
          expected.add('sizeBytes');
        if ((r.maxWidth !== undefined && facts.width > r.maxWidth) || (r.minWidth !== undefined && facts.width < r.minWidth))
          expected.add('width');
        if ((r.maxHeight !== undefined && facts.height > r.maxHeight) || (r.minHeight !== undefined && facts.height < r.minHeight))
          expected.add('height');
        const aspect = facts.width / facts.height;
        if ((r.minAspectRatio !== undefined && aspect < r.minAspectRatio) || (r.maxAspectRatio !== undefined && aspect > r.maxAspectRatio))
          expected.add('aspectRatio');
        if (
          (r.maxDurationMs !== undefined && facts.durationMs > r.maxDurationMs) ||
          (r.minDurationMs !== undefined && facts.durationMs < r.minDurationMs)
        )
          expected.add('durationMs');
        if (r.videoCodecs && !r.videoCodecs.includes(facts.videoCodec)) expected.add('videoCodec');

        const problems = checkMediaAgainstRules(facts, { kind: 'image' }, { ...base, files: { image: file } }, ['media', 0]);
        const fields = problems.map((problem) => String(problem.path[2]));
        expect(new Set(fields).size).toBe(fields.length);
        expect(new Set(fields)).toEqual(expected);
      }),
    );
  });
});
