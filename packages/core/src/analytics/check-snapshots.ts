import { ValidationError } from '../errors/index.js';
import { MetricSnapshotSchema, toValidationIssues, type MetricSnapshot } from '../model/index.js';

// Snapshot objects already checked: calculators call each other, and a report calls
// `toSeries` many times over the same arrays, so each object is validated once.
const checked = new WeakSet<object>();

/**
 * Validates metric snapshots at a calculator's door, so a malformed `subject` (no account id,
 * no post id) is a {@link ValidationError} naming the snapshot and field instead of silently
 * collapsing into one subject. Each object is checked once and remembered.
 *
 * @throws ValidationError with paths like `[3].subject.postId`.
 */
export function checkSnapshots(snapshots: Iterable<MetricSnapshot>, where: string): void {
  let index = 0;
  for (const snapshot of snapshots) {
    if (typeof snapshot !== 'object' || snapshot === null || !checked.has(snapshot)) {
      const result = MetricSnapshotSchema.safeParse(snapshot);
      if (!result.success) {
        const issues = toValidationIssues(result.error.issues).map((issue) => ({ ...issue, path: [index, ...issue.path] }));
        throw new ValidationError(`${where} snapshots`, issues);
      }
      checked.add(snapshot);
    }
    index += 1;
  }
}
