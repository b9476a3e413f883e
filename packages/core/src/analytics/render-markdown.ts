import type { AnalyticsReport, ReportBreakdownRow } from './build-report.js';
import { WEEKDAY_NAMES, formatChange, formatDelta, formatLocal, formatLocalRange, formatValue, isEmbeddedImage } from './format.js';

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
 * A link target inside a table cell: `<…>` form, with every character that could end the
 * destination, the cell or the table row percent-encoded (`|` splits a GFM row even inside a link).
 */
function target(url: string): string {
  return url.replace(/[<>\s|\\`]/g, (char) => encodeURIComponent(char));
}

function breakdownTable(rows: readonly ReportBreakdownRow[], first: string, compared: boolean): string[] {
  const lines = [
    `| ${first} | Followers | Posts | Engagements | Impressions | Reach | Link clicks | Engagement rate | Rate covers |${compared ? ' Δ engagements | Δ rate |' : ''}`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |${compared ? ' ---: | ---: |' : ''}`,
  ];
  for (const row of rows) {
    lines.push(
      `| ${cell(row.label)} | ${formatValue(row.followers.current, 'count')} | ${formatValue(row.posts.current, 'count')} | ${formatValue(row.engagements.current, 'count')} | ${formatValue(row.impressions.current, 'count')} | ${formatValue(row.reach.current, 'count')} | ${formatValue(row.linkClicks.current, 'count')} | ${formatValue(row.engagementRate.current, 'fraction')} | ${cell(row.coverage.text)} |` +
        (compared ? ` ${formatDelta(row.engagements, 'count')} | ${formatDelta(row.engagementRate, 'fraction')} |` : ''),
    );
  }
  return lines;
}

/**
 * Renders a report as GitHub-flavoured Markdown: summary with changes (▲/▼), breakdowns by
 * network, account, tag and campaign, the weekly table, mentions and sentiment, best slots,
 * top posts, response times, signals and competitors. User text is escaped (no raw HTML gets
 * through, and no `|` breaks a table row).
 *
 * @example
 * ```ts
 * await writeFile('report.md', renderMarkdown(buildReport(input)));
 * ```
 */
export function renderMarkdown(report: AnalyticsReport): string {
  const compared = report.compareTo !== null;
  const lines: string[] = [];
  lines.push(`# ${cell(report.title)}`, '');
  lines.push(
    `Period: ${report.range.firstDay} – ${report.range.lastDay} (${cell(report.timeZone)}; ${report.range.start} – ${report.range.end})`,
  );
  if (report.compareTo) lines.push(`Compared with: ${formatLocalRange(report.compareTo, report.timeZone)}`);
  lines.push(`Accounts: ${report.accounts.map((account) => `${cell(account.platform)} @${cell(account.handle)}`).join(', ')}`, '');
  lines.push('## Summary', '', '| Metric | Value | Previous | Change |', '| --- | ---: | ---: | ---: |');
  for (const metric of report.summary) {
    lines.push(
      `| ${cell(metric.label)} | ${formatValue(metric.current, metric.unit)} | ${formatValue(metric.previous, metric.unit)} | ${compared ? formatChange(metric.relative) : '—'} |`,
    );
  }
  lines.push('', `Rates are fractions shown as percentages; engagement rate is by ${report.engagementRateBy}.`, '');
  lines.push('## By network', '', ...breakdownTable(report.byNetwork, 'Network', compared), '');
  lines.push('## By account', '', ...breakdownTable(report.byAccount, 'Account', compared), '');
  if (report.byTag.length > 0) lines.push('## By tag', '', ...breakdownTable(report.byTag, 'Tag', compared), '');
  if (report.byCampaign.length > 0) lines.push('## By campaign', '', ...breakdownTable(report.byCampaign, 'Campaign', compared), '');
  const weekName = report.weekStartsOn === 7 ? 'Sunday' : 'Monday';
  lines.push(
    `## Weeks (starting ${weekName})`,
    '',
    '| Week of | Posts | Engagements | Impressions | Mentions |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const week of report.weeks) {
    lines.push(
      `| ${week.week} | ${week.posts} | ${formatValue(week.engagements, 'count')} | ${formatValue(week.impressions, 'count')} | ${formatValue(week.mentions, 'count')} |`,
    );
  }
  if (report.mentions !== null) {
    const sentiment = report.mentions.some((day) => day.positive !== null);
    lines.push('', '## Mentions and sentiment', '', `| Day | Mentions |${sentiment ? ' Positive | Neutral | Negative |' : ''}`);
    lines.push(`| --- | ---: |${sentiment ? ' ---: | ---: | ---: |' : ''}`);
    for (const day of report.mentions) {
      lines.push(
        `| ${day.date} | ${day.mentions} |${sentiment ? ` ${formatValue(day.positive, 'count')} | ${formatValue(day.neutral, 'count')} | ${formatValue(day.negative, 'count')} |` : ''}`,
      );
    }
  }
  lines.push('', '## Best times to post', '');
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
    '| # | Post | Published (local) | Engagements | Impressions | Reach | Link clicks | Rate |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  report.topPosts.forEach((post, index) => {
    const text = cell(post.text ?? post.postId);
    const label = post.url && /^https?:\/\//i.test(post.url) ? `[${text}](<${target(post.url)}>)` : text;
    const thumbnail =
      post.thumbnailUrl && (isEmbeddedImage(post.thumbnailUrl) || /^https:\/\//i.test(post.thumbnailUrl))
        ? `![media](<${target(post.thumbnailUrl)}>) `
        : '';
    lines.push(
      `| ${index + 1} | ${thumbnail}${label} | ${post.publishedAt ? formatLocal(post.publishedAt, report.timeZone) : '—'} | ${formatValue(post.engagements, 'count')} | ${formatValue(post.impressions, 'count')} | ${formatValue(post.reach, 'count')} | ${formatValue(post.linkClicks, 'count')} | ${formatValue(post.engagementRate, 'fraction')} |`,
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
  if (report.competitors !== null) {
    lines.push(
      '',
      '## Competitors',
      '',
      '| Account | Followers | Growth | Posts | Posts per week | Engagement per post |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const row of report.competitors) {
      lines.push(
        `| ${cell(row.platform)} @${cell(row.handle)}${row.competitor ? ' (competitor)' : ' (you)'} | ${formatValue(row.followers, 'count')} | ${formatValue(row.growth, 'fraction')} | ${formatValue(row.posts, 'count')} | ${row.postsPerWeek === null ? '—' : row.postsPerWeek.toFixed(1)} | ${row.engagementPerPost === null ? '—' : row.engagementPerPost.toFixed(1)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
