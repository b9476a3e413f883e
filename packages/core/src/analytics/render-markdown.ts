import type { AnalyticsReport } from './build-report.js';
import { WEEKDAY_NAMES, formatChange, formatLocal, formatLocalRange, formatValue } from './format.js';

/** Escapes user text for a Markdown table cell: HTML, Markdown punctuation and line breaks. */
function cell(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n|\r/g, ' ');
}

/**
 * Renders a report as GitHub-flavoured Markdown: summary with changes, best slots, top posts,
 * response times and signals. User text is escaped (no raw HTML gets through).
 *
 * @example
 * ```ts
 * await writeFile('report.md', renderMarkdown(buildReport(input)));
 * ```
 */
export function renderMarkdown(report: AnalyticsReport): string {
  const lines: string[] = [];
  lines.push(`# ${cell(report.title)}`, '');
  lines.push(
    `Period: ${formatLocalRange(report.range, report.timeZone)} (${cell(report.timeZone)}; ${report.range.start} – ${report.range.end})`,
  );
  if (report.compareTo) lines.push(`Compared with: ${formatLocalRange(report.compareTo, report.timeZone)}`);
  lines.push(`Accounts: ${report.accounts.map((account) => `${cell(account.platform)} @${cell(account.handle)}`).join(', ')}`, '');
  lines.push('## Summary', '', '| Metric | Value | Previous | Change |', '| --- | ---: | ---: | ---: |');
  for (const metric of report.summary) {
    lines.push(
      `| ${cell(metric.label)} | ${formatValue(metric.current, metric.unit)} | ${formatValue(metric.previous, metric.unit)} | ${formatChange(metric.relative)} |`,
    );
  }
  lines.push('', `Rates are fractions shown as percentages; engagement rate is by ${report.engagementRateBy}.`, '');
  lines.push('## Best times to post', '');
  if (report.suggestedSlots.length === 0) lines.push(`Not enough history yet (each hour needs ${report.bestTime.minSamples} posts).`);
  for (const slot of report.suggestedSlots) {
    lines.push(
      `- ${WEEKDAY_NAMES[slot.weekday - 1]} ${slot.time} — score ${formatValue(slot.score, 'fraction')} over ${slot.samples} posts`,
    );
  }
  lines.push(
    '',
    '## Top posts',
    '',
    '| # | Post | Published (local) | Engagements | Impressions | Rate |',
    '| ---: | --- | --- | ---: | ---: | ---: |',
  );
  report.topPosts.forEach((post, index) => {
    const text = cell(post.text ?? post.postId);
    const label = post.url && /^https?:\/\//.test(post.url) ? `[${text}](<${post.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : text;
    lines.push(
      `| ${index + 1} | ${label} | ${post.publishedAt ? formatLocal(post.publishedAt, report.timeZone) : '—'} | ${formatValue(post.engagements, 'count')} | ${formatValue(post.impressions, 'count')} | ${formatValue(post.engagementRate, 'fraction')} |`,
    );
  });
  if (report.responses) {
    const stats = report.responses.allHours;
    lines.push(
      '',
      '## Response times',
      '',
      `Answered ${stats.answered} of ${stats.received}. Median ${formatValue(stats.median, 'ms')}, p90 ${formatValue(stats.p90, 'ms')}, fastest ${formatValue(stats.fastest, 'ms')}, slowest ${formatValue(stats.slowest, 'ms')}.`,
    );
  }
  if (report.signals.length > 0) {
    lines.push('', '## Signals', '');
    for (const signal of report.signals) {
      lines.push(
        `- ${signal.label}: ${signal.type} in ${cell(signal.metric)} (${signal.severity}) — ${signal.value} vs. baseline ${signal.baseline}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
