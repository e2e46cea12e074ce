/**
 * The intermediate model: plain data describing what the spec offers, resolved once by the
 * normalize stage so that later stages never read the raw spec. Everything here is serialisable.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** How a success body is read by the runtime; mirrors `ResponseKind` in the core package. */
export type ResponseKind = "json" | "sse" | "binary" | "text" | "empty";

export interface ParameterIR {
  /** The name on the wire (`X-OpenRouter-Metadata`, `use_rss`). */
  wireName: string;
  /** The key in the flattened params object users pass (`xOpenRouterMetadata`, `use_rss`). */
  key: string;
  location: "path" | "query" | "header";
  required: boolean;
  description?: string;
  deprecated: boolean;
}

export interface RequestBodyIR {
  /** The media type used for the typed body (`application/json` or `multipart/form-data`). */
  mediaType: string;
  /** A second, multipart form of the same operation (e.g. transcriptions: JSON or a file upload). */
  multipartMediaType?: string;
  required: boolean;
  /**
   * True when the body's fields are spread into the params object; false when the body is
   * passed as `params.body` (non-object bodies, or field names that clash with parameters).
   */
  flattened: boolean;
  /** True when the body declares a boolean `stream` flag (the switch for SSE responses). */
  hasStreamFlag: boolean;
}

export interface ResponseIR {
  /** The success status whose content is returned (`200`, `201`, `202`). */
  status: string;
  /** The media type of the main (non-stream) result, if any. */
  mediaType?: string;
  kind: ResponseKind;
  /** The `text/event-stream` media type, when the operation can stream. */
  streamMediaType?: string;
  /** True when the SSE schema wraps each chunk as `{ data: Chunk }` (the spec's convention). */
  streamWrapsData: boolean;
  /** Alternate media types served by the same status (e.g. RSS), reported but typed by `mediaSwitch`. */
  alternates: string[];
}

/** A query flag that switches the response to another media type (`use_rss=true` → RSS text). */
export interface MediaSwitchIR {
  param: string;
  value: string;
  mediaType: string;
  kind: ResponseKind;
}

export interface OperationIR {
  operationId: string;
  method: HttpMethod;
  path: string;
  tag: string;
  /** Method name inside the resource namespace (`send`, `getCurrentKeyMetadata`). */
  methodName: string;
  /** Standalone function name (`chatSend`, `apiKeysGetCurrentKeyMetadata`). */
  functionName: string;
  /** PascalCase stem for the operation's type names (`ChatSend` → `ChatSendParams`). */
  typeStem: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  parameters: ParameterIR[];
  body?: RequestBodyIR;
  response: ResponseIR;
  mediaSwitch?: MediaSwitchIR;
  /** JSON pointer of the operation in the (overlaid) spec, for error messages. */
  pointer: string;
}

export interface ResourceIR {
  tag: string;
  description?: string;
  /** Package slug: `chat` → `@orkit/openrouter-chat`. */
  slug: string;
  /** Namespace on the umbrella client (`apiKeys`). */
  namespace: string;
  /** Extra namespace paths that expose the same resource (`beta.responses`). */
  aliases: string[];
  /** Class name of the resource namespace (`ApiKeysResource`). */
  className: string;
  operations: OperationIR[];
}

export interface ApiIR {
  title: string;
  version: string;
  resources: ResourceIR[];
}
