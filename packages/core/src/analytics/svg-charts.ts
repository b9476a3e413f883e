import type { BestTimeHeatmap } from './best-time.js';
import type { ReportDay } from './build-report.js';
import { WEEKDAY_NAMES, escapeHtml, formatValue } from './format.js';

/**
 * An inline SVG line chart of daily values; `null` days leave a gap in the line (a missing
 * day is not drawn as 0).
 */
export function lineChartSvg(
  days: readonly ReportDay[],
  options: { title: string; unit: 'count' | 'fraction'; color: string; id: string },
): string {
  const width = 480;
  const height = 240;
  const left = 70;
  const right = 16;
  const top = 16;
  const bottom = 32;
  const values = days.map((day) => day.value).filter((value): value is number => value !== null);
  const title = `<title>${escapeHtml(options.title)}</title>`;
  if (values.length === 0) {
    return `<svg id="${options.id}" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}">${title}<text x="${width / 2}" y="${height / 2}" text-anchor="middle" class="muted">No data in this period</text></svg>`;
  }
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min = min === 0 ? 0 : min * 0.95;
    max = max === 0 ? 1 : max * 1.05;
  }
  const x = (index: number) =>
    left + (days.length === 1 ? (width - left - right) / 2 : (index * (width - left - right)) / (days.length - 1));
  const y = (value: number) => top + (1 - (value - min) / (max - min)) * (height - top - bottom);
  const segments: string[] = [];
  let current = '';
  const dots: string[] = [];
  days.forEach((day, index) => {
    if (day.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    const point = `${x(index).toFixed(1)},${y(day.value).toFixed(1)}`;
    current = current ? `${current} L${point}` : `M${point}`;
    dots.push(
      `<circle cx="${x(index).toFixed(1)}" cy="${y(day.value).toFixed(1)}" r="2.5" fill="${options.color}"><title>${escapeHtml(day.date)}: ${escapeHtml(formatValue(day.value, options.unit))}</title></circle>`,
    );
  });
  if (current) segments.push(current);
  const gridLines = [0, 0.5, 1].map((fraction) => {
    const value = min + fraction * (max - min);
    const at = y(value).toFixed(1);
    return `<line x1="${left}" x2="${width - right}" y1="${at}" y2="${at}" class="grid"/><text x="${left - 6}" y="${at}" dy="4" text-anchor="end" class="axis">${escapeHtml(formatValue(value, options.unit))}</text>`;
  });
  const firstLabel = days[0]!.date;
  const lastLabel = days[days.length - 1]!.date;
  return [
    `<svg id="${options.id}" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    title,
    ...gridLines,
    ...segments.map((path) => `<path d="${path}" fill="none" stroke="${options.color}" stroke-width="2"/>`),
    ...dots,
    `<text x="${left}" y="${height - 8}" class="axis">${escapeHtml(firstLabel)}</text>`,
    `<text x="${width - right}" y="${height - 8}" text-anchor="end" class="axis">${escapeHtml(lastLabel)}</text>`,
    '</svg>',
  ].join('');
}

/** An inline SVG weekday × hour heatmap; cells below the minimum sample are hatched grey. */
export function heatmapSvg(heatmap: BestTimeHeatmap, id: string): string {
  const cellWidth = 24;
  const cellHeight = 22;
  const left = 40;
  const top = 20;
  const width = left + 24 * cellWidth + 8;
  const height = top + 7 * cellHeight + 8;
  const scores = heatmap.cells.filter((cell) => cell.confident && cell.score !== null).map((cell) => cell.score!);
  const max = scores.length === 0 ? 1 : Math.max(...scores);
  const parts: string[] = [
    `<svg id="${id}" class="chart heatmap" viewBox="0 0 ${width} ${height}" role="img" aria-label="Best time to post (${escapeHtml(heatmap.timeZone)})">`,
    `<title>Best time to post, ${escapeHtml(heatmap.timeZone)}</title>`,
  ];
  for (let hour = 0; hour < 24; hour += 3) {
    parts.push(
      `<text x="${left + hour * cellWidth + cellWidth / 2}" y="${top - 6}" text-anchor="middle" class="axis">${String(hour).padStart(2, '0')}</text>`,
    );
  }
  WEEKDAY_NAMES.forEach((name, index) => {
    parts.push(`<text x="${left - 6}" y="${top + index * cellHeight + cellHeight / 2 + 4}" text-anchor="end" class="axis">${name}</text>`);
  });
  for (const cell of heatmap.cells) {
    const cx = left + cell.hour * cellWidth;
    const cy = top + (cell.weekday - 1) * cellHeight;
    const strength = cell.confident && cell.score !== null && max > 0 ? Math.max(0.08, cell.score / max) : 0;
    const fill =
      cell.confident && cell.score !== null ? `rgba(37,99,235,${strength.toFixed(3)})` : cell.samples > 0 ? '#e5e7eb' : '#f8fafc';
    const label = `${WEEKDAY_NAMES[cell.weekday - 1]} ${String(cell.hour).padStart(2, '0')}:00 — ${cell.samples} posts${cell.score === null ? '' : `, score ${formatValue(cell.score, 'fraction')}`}${cell.confident ? '' : ' (below minimum sample)'}`;
    parts.push(
      `<rect x="${cx + 1}" y="${cy + 1}" width="${cellWidth - 2}" height="${cellHeight - 2}" rx="3" fill="${fill}"><title>${escapeHtml(label)}</title></rect>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
