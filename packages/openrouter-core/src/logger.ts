import { isTruthyEnv, readEnv } from "./internal/env.js";
import { REDACTED, redactJson, type Redactor } from "./internal/redact.js";

/**
 * Where the client writes diagnostics. `console` fits, as do pino/winston-style loggers.
 * Request and response bodies go to `trace` only, and only if the logger has one.
 */
export interface Logger {
  trace?(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
}

const noop = () => {};
const LEVELS = ["debug", "info", "warn", "error"] as const;

/** Discards everything: the default unless `logger`, `debug` or `OPENROUTER_DEBUG` says otherwise. */
export const silentLogger: Logger = Object.fromEntries(
  LEVELS.map((level) => [level, noop]),
) as unknown as Logger;

/** Writes to `console` with an `[openrouter]` prefix; used by `debug: true` / `OPENROUTER_DEBUG`. */
export const consoleLogger: Logger = Object.fromEntries(
  LEVELS.map((level) => [
    level,
    (message: string, ...args: unknown[]) => console[level](`[openrouter] ${message}`, ...args),
  ]),
) as unknown as Logger;

/**
 * Picks the logger: an explicit `logger` wins; else `debug` (or, when `debug` is unset, a truthy
 * `OPENROUTER_DEBUG` of "1"/"true"/"yes"/"on") selects the console logger; else silence.
 */
export function resolveLogger(options: {
  logger?: Logger | undefined;
  debug?: boolean | undefined;
}): Logger {
  if (options.logger) return options.logger;
  const debug = options.debug ?? isTruthyEnv(readEnv("OPENROUTER_DEBUG"));
  return debug ? consoleLogger : silentLogger;
}

/**
 * Wraps a logger so that nothing reaching it contains the API key: messages and every string inside
 * the extra arguments go through `redact`. Applied to every logger, injected ones included.
 */
export function redactingLogger(logger: Logger, redact: Redactor): Logger {
  return Object.fromEntries(
    [...LEVELS, "trace" as const]
      .filter((level) => logger[level])
      .map((level) => [
        level,
        (message: string, ...args: unknown[]) =>
          logger[level]!(redact(message), ...args.map((a) => redactJson(a, redact))),
      ]),
  ) as unknown as Logger;
}

/**
 * Authorization, Proxy-Authorization, Cookie, Set-Cookie (names arrive lower-cased or not), and any
 * other name ending like them (`X-Upstream-Authorization`, say).
 */
const SENSITIVE_HEADER = /(authorization|cookie)$/i;

/** Headers as a plain object for logging, with credentials and key-bearing values redacted. */
export function headersForLog(
  headers: Record<string, string>,
  redact: Redactor,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    out[key] = SENSITIVE_HEADER.test(key) ? REDACTED : redact(value);
  }
  return out;
}
