/** One problem a schema found. */
export interface AdapterV1SchemaIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
}

/**
 * A validator for an adapter's own inputs (credentials, network options). Any object with a
 * zod-style `safeParse` fits: a zod 4 schema is one.
 */
export interface AdapterV1Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly AdapterV1SchemaIssue[] } };
}
