import { ApiCallError, ValidationError, type ValidationIssue } from '@smm/core/adapter-kit';
import { problemKind, readXErrorBody } from './error-mapping.js';

/** Where in the draft a thread part lives: the root is the draft itself, part n is `thread[n-1]`. @internal */
export function partPath(index: number): Array<string | number> {
  return index === 0 ? [] : ['thread', index - 1];
}

// X's request parameter names → the draft field a person would fix.
function draftField(parameter: string): Array<string | number> {
  if (parameter === 'text') return ['text'];
  if (parameter.startsWith('media')) return ['media'];
  if (parameter.startsWith('reply')) return ['replyTo'];
  if (parameter.startsWith('poll')) return ['poll'];
  return ['networkOptions', 'x', parameter];
}

/** Whether X refused a post because an identical one exists (its "duplicate content" rule). @internal */
export function isDuplicateRefusal(error: unknown): boolean {
  if (!ApiCallError.isInstance(error) || error.status !== 403) return false;
  const body = readXErrorBody(error.body);
  return /duplicate content/i.test(`${body?.detail ?? ''} ${body?.errors?.[0]?.message ?? ''}`);
}

/**
 * When X refused a post for its content (too long, duplicate, invalid parameters), a
 * `ValidationError` naming the draft field and X's reason, with X's error as its cause; any
 * other error is returned unchanged. @internal
 */
export function asContentRefusal(error: unknown, index: number): unknown {
  if (!ApiCallError.isInstance(error) || (error.status !== 400 && error.status !== 403)) return error;
  const body = readXErrorBody(error.body);
  const detail = body?.detail ?? '';
  const prefix = partPath(index);
  const issues: ValidationIssue[] = [];
  if (isDuplicateRefusal(error)) {
    issues.push({
      path: [...prefix, 'text'],
      code: 'duplicate_content',
      message: 'X refuses a post identical to one already published: change the text',
    });
  } else if (error.status === 403 && /too long/i.test(detail)) {
    issues.push({ path: [...prefix, 'text'], code: 'text_too_long', message: `X refused the text as too long (${detail}): shorten it` });
  } else if (error.status === 400 && problemKind(body?.type) === 'invalid-request') {
    for (const item of body?.errors ?? []) {
      const parameters = Object.keys(item.parameters ?? {});
      const message = item.message ?? item.detail ?? detail;
      if (parameters.length === 0) issues.push({ path: prefix, code: 'x_invalid_request', message: `X refused the post: ${message}` });
      for (const parameter of parameters) {
        issues.push({
          path: [...prefix, ...draftField(parameter)],
          code: 'x_invalid_request',
          message: `X refused ${parameter}: ${message}`,
        });
      }
    }
  }
  if (issues.length === 0) return error;
  return new ValidationError('post for X', issues, { cause: error });
}
