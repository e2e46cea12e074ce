import { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { assertPathParams } from "./internal/path-params.js";
import type { OperationRequest, URLBuilder } from "./types.js";

// openapi-fetch's default serialisers: `form` + explode for the query (arrays repeated, objects as
// deepObject), `simple` for path placeholders, percent-encoded. One query serialiser for all calls:
// with default options it keeps no state.
let querySerializer: ReturnType<typeof createQuerySerializer> | undefined;

/**
 * The {@link URLBuilder} for operations with path or query parameters: checks the path parameters
 * (a missing, empty or dot-segment value fails with PathParameterError before any I/O), then builds
 * the URL with openapi-fetch's serialisers, byte for byte what its `createClient` would send.
 *
 * @example
 * ```ts
 * client.request({ operationId: "getKey", method: "GET", path: "/keys/{hash}",
 *   pathParams: { hash }, buildURL: paramsURL, response: "json" });
 * ```
 */
export const paramsURL: URLBuilder = (req: OperationRequest, baseURL: string): string => {
  assertPathParams(req);
  return createFinalURL(req.path, {
    baseUrl: baseURL,
    params: { path: req.pathParams, query: req.query },
    querySerializer: (querySerializer ??= createQuerySerializer()),
    pathSerializer: defaultPathSerializer,
  });
};
