import { OpenRouterError, type Client, type RequestOptions } from "@orkit/openrouter-core";
import {
  chatSend,
  type ChatAssistantMessage,
  type ChatSendParams,
  type ChatSendResponse,
} from "@orkit/openrouter-chat";
import {
  formatIssues,
  isStandardSchema,
  toJsonSchema,
  validateWithSchema,
  type InferSchemaOutput,
  type JsonSchemaObject,
  type SchemaLike,
  type StandardSchemaIssue,
  type StandardSchemaV1,
} from "./schema.js";

export {
  formatIssues,
  isStandardSchema,
  toJsonSchema,
  validateWithSchema,
  type InferSchemaOutput,
  type JsonSchemaObject,
  type SchemaLike,
  type StandardJsonSchemaConverter,
  type StandardSchemaIssue,
  type StandardSchemaResult,
  type StandardSchemaV1,
} from "./schema.js";

/**
 * Why a structured answer was rejected.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof StructuredOutputError && e.reason === "validation") console.log(e.issues); }
 * ```
 */
export type StructuredOutputFailure = "empty" | "refusal" | "invalid_json" | "validation";

/**
 * The model's answer could not be used: no content (`"empty"`), a refusal (`"refusal"`), text that
 * is not JSON (`"invalid_json"`), or JSON the schema rejected (`"validation"`, with `issues`).
 * `rawText` is the content exactly as received; `completion` is the whole response.
 *
 * @example
 * ```ts
 * try {
 *   await sendStructured(client, { model, messages, schema: Weather });
 * } catch (e) {
 *   if (e instanceof StructuredOutputError) console.log(e.reason, e.rawText, e.issues);
 * }
 * ```
 */
export class StructuredOutputError extends OpenRouterError {
  static override readonly errorName: string = "StructuredOutputError";

  readonly reason: StructuredOutputFailure;
  /** `choices[0].message.content` as received (text parts joined), `""` when there was none. */
  readonly rawText: string;
  /** The schema's validation issues (`reason: "validation"`), else `undefined`. */
  readonly issues: ReadonlyArray<StandardSchemaIssue> | undefined;
  /** The full chat completion. */
  readonly completion: ChatSendResponse;

  constructor(
    message: string,
    init: {
      reason: StructuredOutputFailure;
      rawText: string;
      completion: ChatSendResponse;
      issues?: ReadonlyArray<StandardSchemaIssue> | undefined;
      cause?: unknown;
    },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.reason = init.reason;
    this.rawText = init.rawText;
    this.issues = init.issues;
    this.completion = init.completion;
  }
}

/** Chat parameters the structured helpers set themselves. */
type OwnedChatParams = "response_format" | "stream";

/**
 * What {@link sendStructured} takes: chat parameters, plus the schema of the answer.
 *
 * @example
 * ```ts
 * const params: SendStructuredParams<typeof Weather> = { model, messages, schema: Weather, name: "weather" };
 * const { data } = await sendStructured(client, params);
 * ```
 */
export type SendStructuredParams<S extends SchemaLike> = Omit<ChatSendParams, OwnedChatParams> & {
  /**
   * The answer's schema: a zod 4 schema or any Standard Schema that converts itself to JSON Schema
   * (validated locally), a Standard Schema plus `jsonSchema`, or a plain JSON Schema (sent, not
   * validated locally; `data` is then `unknown`).
   */
  schema: S;
  /** The JSON Schema to send, for a Standard Schema that cannot convert itself (or to override it). */
  jsonSchema?: JsonSchemaObject;
  /** `json_schema.name` (a-z, A-Z, 0-9, `_`, `-`, ≤ 64 chars). @default "response" */
  name?: string;
  /** `json_schema.description`, shown to the model. @default undefined */
  description?: string;
  /** `json_schema.strict`. @default true */
  strict?: boolean;
};

/**
 * The parsed, validated answer and the completion it came from.
 *
 * @example
 * ```ts
 * const { data, completion, rawText }: StructuredResult<Weather> = await sendStructured(client, { model, messages, schema: Weather });
 * ```
 */
export interface StructuredResult<T> {
  /** The answer: validated by the schema when it is a Standard Schema, else the parsed JSON. */
  data: T;
  /** The chat completion. */
  completion: ChatSendResponse;
  /** The content the data was parsed from, as received. */
  rawText: string;
}

/**
 * Asks for an answer matching a schema (`response_format: { type: "json_schema", json_schema: {
 * name, strict: true, schema } }`), then parses `choices[0].message.content` (tolerating a
 * ```` ```json ```` fence and surrounding whitespace) and validates it with the schema's
 * `~standard.validate` when it has one. `data` is typed from the schema.
 *
 * Throws {@link StructuredOutputError} (with `rawText` and `issues`) when the content is missing, a
 * refusal, not JSON, or rejected by the schema; API errors propagate unchanged.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * const Weather = z.object({ city: z.string(), celsius: z.number() });
 * const { data } = await sendStructured(client, {
 *   model: "openai/gpt-4o-mini",
 *   messages: [{ role: "user", content: "Weather in Paris, as JSON" }],
 *   schema: Weather,
 *   name: "weather",
 * });
 * data.celsius; // number
 * ```
 */
export async function sendStructured<S extends SchemaLike>(
  client: Client,
  params: SendStructuredParams<S>,
  options?: RequestOptions,
): Promise<StructuredResult<InferSchemaOutput<S>>> {
  const { schema, jsonSchema, name, description, strict, ...chat } = params;
  const json = jsonSchema ?? toJsonSchema(schema, "output");
  const completion = await chatSend(
    client,
    {
      ...chat,
      response_format: {
        type: "json_schema",
        json_schema: {
          name: name ?? "response",
          ...(description === undefined ? {} : { description }),
          strict: strict ?? true,
          schema: json,
        },
      },
    } as ChatSendParams & { stream?: false },
    options,
  );
  return parseStructured(completion, isStandardSchema(schema) ? schema : undefined) as Promise<
    StructuredResult<InferSchemaOutput<S>>
  >;
}

/**
 * What {@link sendJson} takes: chat parameters, plus an optional schema to validate with.
 *
 * @example
 * ```ts
 * const params: SendJsonParams<undefined> = { model, messages };
 * const { data } = await sendJson(client, params);
 * ```
 */
export type SendJsonParams<S extends StandardSchemaV1 | undefined> = Omit<
  ChatSendParams,
  OwnedChatParams
> & {
  /** Validates the parsed JSON locally (not sent to the model: describe the shape in the prompt). */
  schema?: S;
};

/**
 * JSON mode: sends `response_format: { type: "json_object" }` (the model must answer with some JSON
 * object; describe the shape in the prompt), then parses and optionally validates the answer like
 * {@link sendStructured}. Use it for models without JSON Schema support.
 *
 * @example
 * ```ts
 * const { data } = await sendJson(client, {
 *   model: "anthropic/claude-sonnet-4",
 *   messages: [{ role: "user", content: 'List 3 colors as JSON: {"colors": [...]}' }],
 * });
 * console.log(data); // unknown: { colors: [...] }
 * ```
 */
export async function sendJson<S extends StandardSchemaV1 | undefined = undefined>(
  client: Client,
  params: SendJsonParams<S>,
  options?: RequestOptions,
): Promise<StructuredResult<S extends StandardSchemaV1 ? InferSchemaOutput<S> : unknown>> {
  const { schema, ...chat } = params;
  const completion = await chatSend(
    client,
    { ...chat, response_format: { type: "json_object" } } as ChatSendParams & { stream?: false },
    options,
  );
  return parseStructured(completion, schema) as Promise<
    StructuredResult<S extends StandardSchemaV1 ? InferSchemaOutput<S> : unknown>
  >;
}

/**
 * Parses (and, given a Standard Schema, validates) the JSON answer of a chat completion: the
 * parsing half of {@link sendStructured}, for completions obtained some other way (a stream you
 * accumulated, a batch).
 *
 * @example
 * ```ts
 * const completion = await accumulateChatStream(client.chat.send({ ...body, stream: true }));
 * const { data } = await parseStructured(completion, Weather);
 * ```
 */
export async function parseStructured<S extends StandardSchemaV1 | undefined = undefined>(
  completion: ChatSendResponse,
  schema?: S,
): Promise<StructuredResult<S extends StandardSchemaV1 ? InferSchemaOutput<S> : unknown>> {
  const message = completion.choices[0]?.message;
  const rawText = messageText(message);
  if (!rawText.trim()) {
    const refusal = message?.refusal;
    throw new StructuredOutputError(
      refusal
        ? `The model refused to answer: ${refusal}`
        : "The model returned no content to parse as JSON.",
      { reason: refusal ? "refusal" : "empty", rawText, completion },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripJsonFence(rawText));
  } catch (cause) {
    throw new StructuredOutputError(
      `The model's answer is not valid JSON (${(cause as Error).message}): ${preview(rawText)}`,
      { reason: "invalid_json", rawText, completion, cause },
    );
  }
  let data = parsed;
  if (schema) {
    const result = await validateWithSchema(schema, parsed);
    if (!result.ok) {
      throw new StructuredOutputError(
        `The model's answer does not match the schema: ${formatIssues(result.issues)}`,
        { reason: "validation", rawText, completion, issues: result.issues },
      );
    }
    data = result.value;
  }
  return { data, completion, rawText } as StructuredResult<
    S extends StandardSchemaV1 ? InferSchemaOutput<S> : unknown
  >;
}

/**
 * The JSON inside a model answer: surrounding whitespace (and a BOM) removed, and a whole-answer
 * Markdown fence (```` ```json … ``` ````, any or no language tag) unwrapped. Other text is left
 * alone.
 *
 * @example
 * ```ts
 * stripJsonFence('\n```json\n{"a": 1}\n```\n'); // '{"a": 1}'
 * ```
 */
export function stripJsonFence(text: string): string {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  const fenced = /^```[\w-]*[^\S\n]*\n?([\s\S]*?)\n?[^\S\n]*```$/.exec(trimmed);
  return (fenced ? fenced[1]! : trimmed).trim();
}

function messageText(message: ChatAssistantMessage | undefined): string {
  const content = message?.content;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : ""))
    .join("");
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 120 ? `${oneLine.slice(0, 120)}…` : oneLine;
}
