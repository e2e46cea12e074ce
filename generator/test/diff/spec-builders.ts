/**
 * Tiny OpenAPI documents for diff tests: one `POST /chat/completions` operation
 * tagged `Chat`, with the parts a test cares about swapped in.
 */

/** Parts of the chat operation a test may replace. */
export interface ChatParts {
  /** Request body schema (application/json); omit for `{type: object}`. */
  request?: object;
  /** 200 response schema (application/json); omit for `{type: object}`. */
  response?: object;
  /** Operation fields to merge over the defaults (parameters, summary, requestBody…). */
  op?: Record<string, unknown>;
  /** `components.schemas`. */
  schemas?: Record<string, object>;
}

/** A 3.1 document with the given paths and component schemas. */
export function spec(paths: Record<string, unknown>, schemas: Record<string, object> = {}): object {
  return {
    openapi: "3.1.0",
    info: { title: "test", version: "1" },
    paths,
    components: { schemas },
  };
}

/** A JSON request body. */
export function jsonBody(schema: object, required = true): object {
  return { required, content: { "application/json": { schema } } };
}

/** A 200 JSON response map. */
export function okJson(schema: object): object {
  return { "200": { description: "OK", content: { "application/json": { schema } } } };
}

/** A minimal operation with one tag. */
export function op(tag: string, operationId: string, extra: Record<string, unknown> = {}): object {
  return { tags: [tag], operationId, responses: okJson({ type: "object" }), ...extra };
}

/** The document around one `POST /chat/completions (sendChat)` operation tagged `Chat`. */
export function chatSpec(parts: ChatParts = {}): object {
  const operation = {
    tags: ["Chat"],
    operationId: "sendChat",
    summary: "Send a chat",
    requestBody: jsonBody(parts.request ?? { type: "object" }),
    responses: okJson(parts.response ?? { type: "object" }),
    ...parts.op,
  };
  return spec({ "/chat/completions": { post: operation } }, parts.schemas);
}

/** Shorthand for an object schema. */
export function obj(properties: Record<string, object>, required?: string[]): object {
  return required ? { type: "object", properties, required } : { type: "object", properties };
}
