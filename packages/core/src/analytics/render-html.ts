import type { AnalyticsReport, ReportBreakdownRow } from './build-report.js';
import {
  WEEKDAY_NAMES,
  escapeHtml,
  formatChange,
  formatDelta,
  formatLocal,
  formatLocalRange,
  formatValue,
  isEmbeddedImage,
} from './format.js';
import { heatmapSvg, lineChartSvg } from './svg-charts.js';

const STYLE = `
:root{color-scheme:light;--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--card:#fff;--bg:#f1f5f9;--up:#15803d;--down:#b91c1c}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1040px;margin:0 auto;padding:32px 20px}h1{margin:0 0 4px;font-size:26px}h2{font-size:17px;margin:0 0 12px}
.meta{color:var(--muted);margin:0 0 24px}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:12px;margin-bottom:20px}
.card,section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}section{margin-bottom:20px}
.card .label{color:var(--muted);font-size:13px}.card .value{font-size:22px;font-weight:600}.card .change{font-size:13px}
.up{color:var(--up)}.down{color:var(--down)}.muted{fill:var(--muted);color:var(--muted)}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:20px}.chart{width:100%;height:auto;display:block}
.chart .axis{font-size:13px;fill:var(--muted)}.heatmap .axis{font-size:11px}.chart .grid{stroke:var(--line)}
table{width:100%;border-collapse:collapse;font-size:14px}th,td{text-align:left;padding:8px 6px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.text{max-width:420px;overflow-wrap:anywhere}
ul{margin:0;padding-left:20px}footer{color:var(--muted);font-size:12px;margin-top:24px}
.thumb{width:48px;height:48px;object-fit:cover;border-radius:6px;float:inline-start;margin-inline-end:8px}.note{color:var(--muted);font-size:12px}
.wide{overflow-x:auto}
`;

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /**
   * Show https thumbnails as images (the page then loads them from their hosts, and its
   * Content-Security-Policy allows `img-src https:`). Default `false`: only embedded `data:`
   * thumbnails are drawn and the page makes no request at all.
   */
  remoteImages?: boolean;
}

function deltaCell(
  change: { absolute: number | null; relative: number | null; previous: number | null },
  unit: 'count' | 'fraction',
): string {
  const sign = change.absolute === null || change.absolute === 0 ? 'muted' : change.absolute > 0 ? 'up' : 'down';
  return `<td class="num ${sign}">${escapeHtml(formatDelta(change, unit))}</td>`;
}

function breakdownTable(id: string, title: string, first: string, rows: readonly ReportBreakdownRow[], compared: boolean): string {
  if (rows.length === 0) return '';
  const head = `<tr><th>${escapeHtml(first)}</th><th class="num">Followers</th><th class="num">Posts</th><th class="num">Engagements</th><th class="num">Impressions</th><th class="num">Reach</th><th class="num">Link clicks</th><th class="num">Engagement rate</th>${compared ? '<th class="num">Δ engagements</th><th class="num">Δ rate</th>' : ''}</tr>`;
  const body = rows
    .map(
      (row) =>
        `<tr><td><bdi>${escapeHtml(row.label)}</bdi></td><td class="num">${escapeHtml(formatValue(row.followers.current, 'count'))}</td><td class="num">${escapeHtml(formatValue(row.posts.current, 'count'))}</td>` +
        `<td class="num">${escapeHtml(formatValue(row.engagements.current, 'count'))}</td><td class="num">${escapeHtml(formatValue(row.impressions.current, 'count'))}</td><td class="num">${escapeHtml(formatValue(row.reach.current, 'count'))}</td>` +
        `<td class="num">${escapeHtml(formatValue(row.linkClicks.current, 'count'))}</td><td class="num">${escapeHtml(formatValue(row.engagementRate.current, 'fraction'))}<div class="note">${escapeHtml(row.coverage.text)}</div></td>` +
        (compared ? deltaCell(row.engagements, 'count') + deltaCell(row.engagementRate, 'fraction') : '') +
        '</tr>',
    )
    .join('');
  return `<section class="wide"><h2>${escapeHtml(title)}</h2><table id="${id}"><thead>${head}</thead><tbody>${body}</tbody></table></section>`;
}

function changeClass(relative: number | null): string {
  return relative === null || relative === 0 ? 'muted' : relative > 0 ? 'up' : 'down';
}

/**
 * Renders a report as **one self-contained HTML file**: inline CSS, inline SVG charts
 * (follower growth, engagement rate over time, best-time heatmap), the top-posts table, no
 * scripts and no external requests (a Content-Security-Policy forbids them). All user text
 * is escaped, so a post text of `<script>…</script>` is shown, never run; user text is isolated
 * with `dir="auto"` / `<bdi>`, so Arabic or Hebrew renders right to left without reordering
 * the numbers around it.
 *
 * @example
 * ```ts
 * await writeFile('report.html', renderHtml(buildReport(input)));
 * ```
 */
export function renderHtml(report: AnalyticsReport, options: RenderHtmlOptions = {}): string {
  const compared = report.compareTo !== null;
  const remoteImages = options.remoteImages === true;
  const cards = report.summary
    .map(
      (metric) =>
        `<div class="card"><div class="label">${escapeHtml(metric.label)}</div><div class="value">${escapeHtml(formatValue(metric.current, metric.unit))}</div>` +
        `<div class="change ${changeClass(metric.relative)}">${compared ? `${escapeHtml(formatChange(metric.relative))} vs. ${escapeHtml(formatValue(metric.previous, metric.unit))}` : '&nbsp;'}</div>` +
        `${metric.coverage ? `<div class="note">${escapeHtml(metric.coverage.text)}</div>` : ''}</div>`,
    )
    .join('');
  const rows = report.topPosts
    .map((post, index) => {
      const text = `<span dir="auto">${escapeHtml(post.text ?? post.postId)}</span>`;
      const linked =
        post.url && /^https?:\/\//i.test(post.url) ? `<a href="${escapeHtml(post.url)}" rel="noopener noreferrer">${text}</a>` : text;
      const thumbnail =
        post.thumbnailUrl && (isEmbeddedImage(post.thumbnailUrl) || (remoteImages && /^https:\/\//i.test(post.thumbnailUrl)))
          ? `<img class="thumb" src="${escapeHtml(post.thumbnailUrl)}" alt="" referrerpolicy="no-referrer">`
          : '';
      return (
        `<tr><td class="num">${index + 1}</td><td class="text">${thumbnail}${linked}<div class="muted">${escapeHtml(post.platform)} · ${post.publishedAt ? escapeHtml(formatLocal(post.publishedAt, report.timeZone)) : ''}</div></td>` +
        `<td class="num">${escapeHtml(formatValue(post.engagements, 'count'))}</td><td class="num">${escapeHtml(formatValue(post.impressions, 'count'))}</td><td class="num">${escapeHtml(formatValue(post.reach, 'count'))}</td><td class="num">${escapeHtml(formatValue(post.linkClicks, 'count'))}</td><td class="num">${escapeHtml(formatValue(post.engagementRate, 'fraction'))}</td></tr>`
      );
    })
    .join('');
  const slots =
    report.suggestedSlots.length === 0
      ? `<p class="muted">Not enough history yet: each hour needs ${report.bestTime.minSamples} posts.</p>`
      : `<ul>${report.suggestedSlots.map((slot) => `<li>${WEEKDAY_NAMES[slot.weekday - 1]} ${slot.time} — ${escapeHtml(formatValue(slot.score, 'fraction'))} over ${slot.samples} posts</li>`).join('')}</ul>`;
  const responses = report.responses
    ? `<section><h2>Response times</h2><p>Answered ${report.responses.allHours.answered} of ${report.responses.allHours.received}. Median ${escapeHtml(formatValue(report.responses.allHours.median, 'ms'))}, p90 ${escapeHtml(formatValue(report.responses.allHours.p90, 'ms'))}, fastest ${escapeHtml(formatValue(report.responses.allHours.fastest, 'ms'))}, slowest ${escapeHtml(formatValue(report.responses.allHours.slowest, 'ms'))}.</p></section>`
    : '';
  const signals =
    report.signals.length === 0
      ? ''
      : `<section><h2>Signals</h2><ul>${report.signals.map((signal) => `<li>${escapeHtml(signal.label)}: ${signal.type} in ${escapeHtml(signal.metric)} (${signal.severity}) — ${signal.value} vs. baseline ${signal.baseline}</li>`).join('')}</ul></section>`;
  const accounts = report.accounts
    .map(
      (account) =>
        `<bdi>${escapeHtml(account.displayName ?? account.handle)}</bdi> (${escapeHtml(account.platform)} @<bdi>${escapeHtml(account.handle)}</bdi>)`,
    )
    .join(', ');
  const weekName = report.weekStartsOn === 7 ? 'Sunday' : 'Monday';
  const weeks = `<section class="wide"><h2>Weeks (starting ${weekName})</h2><table id="weeks"><thead><tr><th>Week of</th><th class="num">Posts</th><th class="num">Engagements</th><th class="num">Impressions</th><th class="num">Mentions</th></tr></thead><tbody>${report.weeks
    .map(
      (week) =>
        `<tr><td>${escapeHtml(week.week)}</td><td class="num">${week.posts}</td><td class="num">${escapeHtml(formatValue(week.engagements, 'count'))}</td><td class="num">${escapeHtml(formatValue(week.impressions, 'count'))}</td><td class="num">${escapeHtml(formatValue(week.mentions, 'count'))}</td></tr>`,
    )
    .join('')}</tbody></table></section>`;
  let mentionSection = '';
  if (report.mentions !== null) {
    const sentiment = report.mentions.some((day) => day.positive !== null);
    const chart = lineChartSvg(
      report.mentions.map((day) => ({ date: day.date, value: day.mentions })),
      { title: 'Mentions per day', unit: 'count', color: '#7c3aed', id: 'chart-mentions' },
    );
    const negative = sentiment
      ? lineChartSvg(
          report.mentions.map((day) => {
            const classified = (day.positive ?? 0) + (day.neutral ?? 0) + (day.negative ?? 0);
            return { date: day.date, value: classified === 0 ? null : (day.negative ?? 0) / classified };
          }),
          { title: 'Share of classified mentions that are negative', unit: 'fraction', color: '#b91c1c', id: 'chart-negative-share' },
        )
      : '<p class="muted">No sentiment classifier was given.</p>';
    mentionSection = `<div class="grid2"><section><h2>Mentions per day</h2>${chart}</section><section><h2>Negative share of mentions</h2>${negative}</section></div>`;
  }
  const competitors =
    report.competitors === null
      ? ''
      : `<section class="wide"><h2>Competitors</h2><table id="competitors"><thead><tr><th>Account</th><th class="num">Followers</th><th class="num">Growth</th><th class="num">Posts</th><th class="num">Posts per week</th><th class="num">Engagement per post</th></tr></thead><tbody>${report.competitors
          .map(
            (row) =>
              `<tr><td>${escapeHtml(row.platform)} @<bdi>${escapeHtml(row.handle)}</bdi> <span class="muted">${row.competitor ? 'competitor' : 'you'}</span></td><td class="num">${escapeHtml(formatValue(row.followers, 'count'))}</td><td class="num">${escapeHtml(formatValue(row.growth, 'fraction'))}</td>` +
              `<td class="num">${escapeHtml(formatValue(row.posts, 'count'))}</td><td class="num">${row.postsPerWeek === null ? '—' : row.postsPerWeek.toFixed(1)}</td><td class="num">${row.engagementPerPost === null ? '—' : row.engagementPerPost.toFixed(1)}</td></tr>`,
          )
          .join('')}</tbody></table></section>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:${remoteImages ? ' https:' : ''}">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1 dir="auto">${escapeHtml(report.title)}</h1>
<p class="meta">${escapeHtml(formatLocalRange(report.range, report.timeZone))} · ${escapeHtml(report.timeZone)}${report.compareTo ? ` · compared with ${escapeHtml(formatLocalRange(report.compareTo, report.timeZone))}` : ''}<br>${accounts}</p>
<div class="cards">${cards}</div>
${breakdownTable('by-network', 'By network', 'Network', report.byNetwork, compared)}${breakdownTable('by-account', 'By account', 'Account', report.byAccount, compared)}
<div class="grid2">
<section><h2>Follower growth</h2>${lineChartSvg(report.followers, { title: 'Followers at the end of each day', unit: 'count', color: '#2563eb', id: 'chart-followers' })}</section>
<section><h2>Engagement rate (by ${escapeHtml(report.engagementRateBy)})</h2>${lineChartSvg(report.engagementRate, { title: 'Engagement rate per day', unit: 'fraction', color: '#db2777', id: 'chart-engagement-rate' })}</section>
</div>
<section><h2>Best time to post (${escapeHtml(report.bestTime.timeZone)})</h2>${heatmapSvg(report.bestTime, 'chart-best-time')}<p class="muted">Local hour of publication. Darker = higher mean ${escapeHtml(report.bestTime.scoredBy.replace(/^engagementRate:(.*)$/, 'engagement rate (by $1)'))}; grey = fewer than ${report.bestTime.minSamples} posts (not suggested).</p><h2 style="margin-top:14px">Suggested slots</h2>${slots}</section>
${mentionSection}
<section class="wide"><h2>Top posts</h2><table id="top-posts"><thead><tr><th class="num">#</th><th>Post</th><th class="num">Engagements</th><th class="num">Impressions</th><th class="num">Reach</th><th class="num">Link clicks</th><th class="num">Rate</th></tr></thead><tbody>${rows || '<tr><td colspan="7" class="muted">No posts in this period</td></tr>'}</tbody></table></section>
${breakdownTable('by-tag', 'By tag', 'Tag', report.byTag, compared)}${breakdownTable('by-campaign', 'By campaign', 'Campaign', report.byCampaign, compared)}${weeks}
${responses}${signals}${competitors}
<footer>Rates are fractions shown as percentages. Missing days are gaps, not zeros. Formulas: docs/analytics.md.</footer>
</main>
</body>
</html>
`;
}
