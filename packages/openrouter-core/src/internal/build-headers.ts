import type { ResolvedOptions } from "../options.js";
import type { OperationRequest } from "../types.js";
import { VERSION } from "../version.js";

/** A header map as accepted in options: `undefined` is skipped, `null` removes the header. */
export type HeadersInput = Headers | Record<string, string | null | undefined>;

const ACCEPT: Partial<Record<OperationRequest["response"], string>> = {
  json: "application/json",
  sse: "text/event-stream",
};

/**
 * The request headers, lowest precedence first: SDK and attribution headers, `defaultHeaders`,
 * the operation's header parameters, then per-call `headers` (which can override anything,
 * `null` removing). No `User-Agent`: browsers forbid setting it.
 *
 * One plain object with lower-case names rather than `Headers`: fetch copies whatever it is given
 * into its own header list, and copying a `Headers` (sorted iteration, re-validation) costs more
 * than the object. Invalid names or values are still rejected, by fetch, before anything is sent.
 */
export function buildHeaders(
  options: ResolvedOptions,
  apiKey: string,
  req: OperationRequest,
): Record<string, string> {
  const out: Record<string, string> = {};
  const sources: Array<HeadersInput | undefined> = [
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
  ];
  for (const source of sources) {
    for (const [key, value] of source instanceof Headers ? source : Object.entries(source ?? {})) {
      const name = key.toLowerCase();
      if (value === null) delete out[name];
      else if (value !== undefined) out[name] = value;
    }
  }
  return out;
}
