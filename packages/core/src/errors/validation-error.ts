import { SmmError, type SmmErrorOptions } from './smm-error.js';

const MARKER = 'smm.error.ValidationError';

/** One problem found in an input: where, what kind, and what to do. */
export interface ValidationIssue {
  /** Path to the offending field, e.g. `['media', 0, 'altText']`; empty for the whole input. */
  path: Array<string | number>;
  /** A stable code (`invalid_type`, `too_big`, `text_too_long`, …). */
  code: string;
  /** A human message that says what is wrong and how to fix it. */
  message: string;
}

/**
 * Formats a path the way a developer writes it: `media[0].altText`.
 *
 * @example
 * ```ts
 * formatIssuePath(['media', 0, 'altText']); // 'media[0].altText'
 * ```
 */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '(root)';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/**
 * Thrown when an input does not fit: carries **every** problem at once, each with its path,
 * so a form can mark all bad fields in one go. The message lists them too.
 *
 * @example
 * ```ts
 * try {
 *   parsePostDraft({ text: 42 });
 * } catch (error) {
 *   if (ValidationError.isInstance(error)) {
 *     for (const issue of error.issues) console.log(formatIssuePath(issue.path), issue.message);
 *   }
 * }
 * ```
 */
export class ValidationError extends SmmError {
  /** Every problem found, in input order. */
  readonly issues: ValidationIssue[];

  /**
   * @param subject - what was being validated, e.g. `'PostDraft'` or `'createHttpClient options'`.
   * @param issues - every problem found.
   */
  constructor(subject: string, issues: ValidationIssue[], options: SmmErrorOptions = {}) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map((issue) => `  - ${formatIssuePath(issue.path)}: ${issue.message}`);
    super('validation_error', [`Invalid ${subject} (${count}):`, ...lines].join('\n'), options);
    SmmError.brand(this, MARKER);
    this.name = 'ValidationError';
    this.issues = issues;
  }

  static override isInstance(error: unknown): error is ValidationError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { issues: this.issues };
  }
}
