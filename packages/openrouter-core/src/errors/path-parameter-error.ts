import { OpenRouterError } from "./openrouter-error.js";

/**
 * A path parameter was missing, empty, or a dot segment (`.`/`..`, which URL parsing would
 * collapse into a different route). Raised before any network I/O.
 */
export class PathParameterError extends OpenRouterError {
  static override readonly errorName: string = "PathParameterError";

  /** The placeholder name, e.g. `"hash"` for `/keys/{hash}`. */
  declare readonly parameter: string;

  constructor(message: string, parameter: string) {
    super(message);
    this.parameter = parameter;
  }
}
