import { OpenRouterError } from "./openrouter-error.js";

/**
 * A 2xx response (or an event in a stream) could not be decoded: invalid JSON, or an event
 * stream was expected and something else arrived. `raw` holds the offending text (truncated).
 */
export class ResponseParseError extends OpenRouterError {
  static override readonly errorName: string = "ResponseParseError";

  /** The text that failed to parse, truncated to 1,000 characters. */
  declare readonly raw: string;

  constructor(message: string, raw: string, options?: { cause?: unknown }) {
    super(message, options);
    this.raw = raw.length > 1000 ? `${raw.slice(0, 1000)}…` : raw;
  }
}
