import type { ResolvedOptions } from "../options.js";
import type { OperationRequest } from "../types.js";
import { VERSION } from "../version.js";
import { mergeHeaders } from "./merge-headers.js";

const ACCEPT: Partial<Record<OperationRequest["response"], string>> = {
  json: "application/json",
  sse: "text/event-stream",
};

/**
 * The request headers, lowest precedence first: SDK and attribution headers, `defaultHeaders`,
 * the operation's header parameters, then per-call `headers` (which can override anything,
 * `null` removing). No `User-Agent`: browsers forbid setting it.
 */
export function buildHeaders(
  options: ResolvedOptions,
  apiKey: string,
  req: OperationRequest,
): Record<string, string> {
  return mergeHeaders(
    {
      Accept: ACCEPT[req.response],
      Authorization: `Bearer ${apiKey}`,
      "X-OpenRouter-SDK": `orkit-ts/${VERSION}`,
      "HTTP-Referer": options.httpReferer,
      // Both spellings: X-OpenRouter-Title is current, X-Title is what older docs and SDKs send.
      "X-OpenRouter-Title": options.appTitle,
      "X-Title": options.appTitle,
      "X-OpenRouter-Categories": options.appCategories?.length
        ? options.appCategories.join(",")
        : undefined,
    },
    options.defaultHeaders,
    req.headers,
    options.headers,
  );
}
