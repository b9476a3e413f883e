/** Fields attached to a log line; never put secrets here. */
export type LogFields = Record<string, unknown>;

/**
 * The logger adapters and core write to. Shaped so `console`, pino and consola fit
 * (`createClient({ logger: console })`).
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * A logger that drops everything (the default).
 *
 * @example
 * ```ts
 * const client = createClient({ adapters, accounts, credentials, logger: noopLogger });
 * ```
 */
export const noopLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
