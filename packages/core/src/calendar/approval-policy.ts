import { z } from 'zod';
import type { Approval } from '../schedule-store/index.js';

/**
 * How many approvals an entry needs, and from which roles (empty `roles`: any role).
 *
 * @example
 * ```ts
 * ApprovalPolicySchema.parse({ required: 2, roles: ['editor', 'legal'] });
 * ```
 */
export const ApprovalPolicySchema = z.object({
  required: z.number().int().nonnegative({ error: 'must be how many approvals are needed, 0 or more' }),
  roles: z.array(z.string().min(1)).default([]),
});

/** An approval policy. */
export interface ApprovalPolicy extends z.infer<typeof ApprovalPolicySchema> {}
/** What {@link ApprovalPolicySchema} accepts. */
export interface ApprovalPolicyInput extends z.input<typeof ApprovalPolicySchema> {}

/**
 * Approval policies: per account (wins), per brand, and a default.
 *
 * @example
 * ```ts
 * createCalendar({ store, approvals: { default: { required: 1 }, brands: { acme: { required: 2, roles: ['legal'] } } } });
 * ```
 */
export const ApprovalRulesSchema = z
  .object({
    default: ApprovalPolicySchema.optional(),
    brands: z.record(z.string(), ApprovalPolicySchema).default({}),
    accounts: z.record(z.string(), ApprovalPolicySchema).default({}),
  })
  .default({ brands: {}, accounts: {} });

/** Approval policies. */
export interface ApprovalRules extends z.infer<typeof ApprovalRulesSchema> {}

const NONE: ApprovalPolicy = { required: 0, roles: [] };

/**
 * The policy that applies to an account: its own, else its brand's, else the default, else
 * none (0 approvals).
 *
 * @example
 * ```ts
 * resolveApprovalPolicy({ brands: { acme: { required: 2, roles: ['legal', 'editor'] } }, accounts: {} }, 'x:1', 'acme');
 * // { required: 2, roles: ['legal', 'editor'] }
 * ```
 */
export function resolveApprovalPolicy(rules: ApprovalRules, accountKey: string, brand: string | undefined): ApprovalPolicy {
  return rules.accounts[accountKey] ?? (brand === undefined ? undefined : rules.brands[brand]) ?? rules.default ?? NONE;
}

/**
 * Whether the approvals given satisfy the policy: `required` approvals by distinct people,
 * each in one of `roles` (any role when `roles` is empty).
 *
 * @example
 * ```ts
 * isApproved({ required: 1, roles: ['legal'] }, [{ by: 'li', role: 'legal', at: '2026-01-05T09:00:00Z' }]); // true
 * ```
 */
export function isApproved(policy: ApprovalPolicy, approvals: readonly Approval[]): boolean {
  const people = new Set(
    approvals.filter((approval) => policy.roles.length === 0 || policy.roles.includes(approval.role)).map((approval) => approval.by),
  );
  return people.size >= policy.required;
}
