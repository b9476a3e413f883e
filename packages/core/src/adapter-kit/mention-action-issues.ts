import type { ValidationIssue } from '../errors/index.js';

/**
 * @internal v1.1: declared mention actions and `doMentionAction` come together — a declared
 * action core cannot run, or an operation core never calls, is a mistake in the definition.
 *
 * @example
 * ```ts
 * mentionActionIssues(['like'], undefined); // [{ path: ['doMentionAction'], … }]
 * ```
 */
export function mentionActionIssues(declared: unknown, operation: unknown): ValidationIssue[] {
  const actions = Array.isArray(declared) ? declared : [];
  if (actions.length > 0 && typeof operation !== 'function') {
    return [
      {
        path: ['doMentionAction'],
        code: 'custom',
        message: `capabilities.mentionActions lists ${actions.join(', ')}: implement doMentionAction, or remove mentionActions`,
      },
    ];
  }
  if (actions.length === 0 && typeof operation === 'function') {
    return [
      {
        path: ['capabilities', 'mentionActions'],
        code: 'custom',
        message: 'doMentionAction is implemented: list the actions it supports in capabilities.mentionActions (e.g. ["like"])',
      },
    ];
  }
  const repeated = actions.filter((action, index) => actions.indexOf(action) !== index);
  return repeated.length > 0
    ? [{ path: ['capabilities', 'mentionActions'], code: 'custom', message: `lists ${repeated.join(', ')} twice: list each action once` }]
    : [];
}
