/** Structured log fields (never secrets). */
export type AdapterV1LogFields = Record<string, unknown>;

/** The logger an adapter writes to. */
export interface AdapterV1Logger {
  debug(message: string, fields?: AdapterV1LogFields): void;
  info(message: string, fields?: AdapterV1LogFields): void;
  warn(message: string, fields?: AdapterV1LogFields): void;
  error(message: string, fields?: AdapterV1LogFields): void;
}
