import { PathParameterError } from "../errors/path-parameter-error.js";
import type { OperationRequest } from "../types.js";

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * Checks every `{name}` in the path has a usable value, before any I/O. Empty strings are rejected
 * because `/keys/` would silently address a different route; `.` and `..` because URL parsing
 * collapses them (even percent-encoded) into a parent path.
 */
export function assertPathParams(req: OperationRequest): void {
  for (const [, name] of req.path.matchAll(PLACEHOLDER)) {
    const value = req.pathParams?.[name!];
    if (value === undefined || value === null || value === "") {
      throw new PathParameterError(
        `${req.operationId}: missing required path parameter "${name}" for ${req.method} ${req.path}.`,
        name!,
      );
    }
    if (value === "." || value === "..") {
      throw new PathParameterError(
        `${req.operationId}: path parameter "${name}" cannot be "${value}".`,
        name!,
      );
    }
  }
}
