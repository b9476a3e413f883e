/**
 * Analytics: pure calculators with documented formulas (each names its numerator, its
 * denominator and where they come from), series in a time zone, best time to post,
 * listening signals, streaming aggregation and reports (JSON, Markdown, self-contained
 * HTML). Rates are fractions (0.034 = 3.4 %). Anything undefined — missing data, a zero
 * denominator — is `null`, never NaN, Infinity or a made-up 0. Formulas: docs/analytics.md.
 *
 * @packageDocumentation
 */
export { latestBySubject, metricValue, safeRatio, subjectKey } from './metric-values.js';
export {
  DEFAULT_ENGAGEMENT_INTERACTIONS,
  engagementRate,
  engagements,
  totalEngagements,
  viewsOf,
  type EngagementOptions,
  type EngagementRateBy,
  type EngagementRateOptions,
} from './engagement.js';
export {
  amplificationRate,
  applauseRate,
  audienceGrowthRate,
  clickThroughRate,
  conversationRate,
  conversionRate,
  costPerClick,
  costPerEngagement,
  costPerMille,
  followersAround,
  viralityRate,
  type ClickOptions,
  type InstantRange,
  type PerPostRateOptions,
  type PerPostVariant,
} from './rates.js';
export { mean, median, medianAbsoluteDeviation, percentile } from './statistics.js';
export { periodChange, type PeriodChange } from './period-change.js';
export { topPosts, type RankedPost, type TopPostsOptions } from './top-posts.js';
export { shareOfVoice, type ShareOfVoice, type VoiceCounts, type VoiceEntity } from './share-of-voice.js';
export { businessMillisBetween, parseBusinessHours, type BusinessHours, type OpeningInterval } from './business-hours.js';
export {
  responseRate,
  responseTimes,
  type ReplyEvent,
  type ResponseTimeInput,
  type ResponseTimeReport,
  type ResponseTimeStats,
} from './response-time.js';
export { postingConsistency, type PostingConsistency, type PostingConsistencyInput } from './posting-consistency.js';
export { calendarBuckets, type CalendarBucket, type SeriesInterval, type WeekStart } from './calendar-buckets.js';
export { GAUGE_METRICS, toSeries, type MetricSeries, type SeriesBucket, type SeriesKind, type SeriesOptions } from './series.js';
export {
  bestTimeHeatmap,
  suggestSlots,
  type BestTimeHeatmap,
  type BestTimeOptions,
  type HeatmapCell,
  type IsoWeekday,
  type PublishedPostMetrics,
  type SuggestedSlot,
} from './best-time.js';
export {
  detectSignals,
  mentionVolume,
  sentimentShare,
  type MentionSeriesOptions,
  type SignalEvent,
  type SignalOptions,
  type SignalPoint,
  type SignalSeverity,
} from './signals.js';
export type { ColumnarSnapshots, MetricColumn } from './columnar-snapshots.js';
export {
  aggregateEngagement,
  createEngagementAggregator,
  type EngagementAggregator,
  type EngagementAggregatorOptions,
  type EngagementGroup,
} from './streaming.js';
export {
  buildReport,
  type AnalyticsReport,
  type MentionSentiment,
  type ReportBreakdownRow,
  type ReportDay,
  type ReportInput,
  type ReportMentionDay,
  type ReportPost,
  type ReportSummaryMetric,
  type ReportTopPost,
  type ReportWeek,
} from './build-report.js';
export { localRange, previousRange, snapToLocalMidnight, type LocalRange, type RangeInput } from './report-range.js';
export { networkName, type RateCoverage } from './period-totals.js';
export { competitorBenchmark, type CompetitorBenchmarkInput, type CompetitorRow } from './competitor-benchmark.js';
export {
  collectCompetitorSnapshots,
  type CompetitorCollection,
  type CompetitorTarget,
  type PublicAccountReader,
} from './collect-competitors.js';
export { chooseEvergreen, type EvergreenChoice, type EvergreenInput, type EvergreenPost } from './evergreen.js';
export { renderMarkdown } from './render-markdown.js';
export { renderHtml, type RenderHtmlOptions } from './render-html.js';
export { escapeHtml } from './format.js';
