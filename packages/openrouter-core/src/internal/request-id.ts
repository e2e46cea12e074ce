/**
 * The request id a response carries: `x-request-id`, else `x-generation-id`, else `null`. Shared by
 * the debug log, `withResponse()` and the error factory, so all three report the same id.
 */
export const requestIdOf = (headers: Headers): string | null =>
  headers.get("x-request-id") ?? headers.get("x-generation-id");
