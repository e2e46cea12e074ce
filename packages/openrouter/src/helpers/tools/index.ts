import {
  isUserAbortError,
  OpenRouterError,
  type Client,
  type RequestOptions,
} from "@orkit/openrouter-core";
import {
  chatSend,
  type ChatAssistantMessage,
  type ChatFunctionTool,
  type ChatMessages,
  type ChatSendParams,
  type ChatSendResponse,
  type ChatToolCall,
  type ChatToolMessage,
} from "@orkit/openrouter-chat";
import { createChatAccumulator } from "../accumulate-chat-stream.js";
import {
  formatIssues,
  isStandardSchema,
  toJsonSchema,
  validateWithSchema,
  type InferSchemaOutput,
  type JsonSchemaObject,
  type SchemaLike,
} from "../structured/schema.js";

/**
 * What a tool's `execute` gets besides its arguments.
 *
 * @example
 * ```ts
 * defineTool({ name: "fetch_page", parameters, execute: (args, { signal, toolCall }) => fetch(args.url, { signal }).then((r) => r.text()) });
 * ```
 */
export interface ToolContext {
  /** The call being answered (`id`, `function.name`, raw `function.arguments`). */
  toolCall: ChatToolCall;
  /** The conversation so far, ending with the assistant message that made the call. */
  messages: readonly ChatMessages[];
  /** 1-based number of the model request that made the call. */
  turn: number;
  /** The `signal` of the request options, to pass on to your own I/O. */
  signal: AbortSignal | undefined;
}

/**
 * A function the model may call: its name, description and parameter schema (sent to the model),
 * and `execute`, which runs it. Make one with {@link defineTool}.
 *
 * @example
 * ```ts
 * const tool: Tool<{ city: string }, string> = defineTool({ name: "get_weather", parameters: z.object({ city: z.string() }), execute: ({ city }) => `Sunny in ${city}` });
 * ```
 */
export interface Tool<Args = unknown, Result = unknown> {
  /** a-z, A-Z, 0-9, `_`, `-`; at most 64 characters. */
  readonly name: string;
  readonly description?: string | undefined;
  /** A JSON Schema object, or a Standard Schema (zod, valibot, …) that validates the arguments. */
  readonly parameters: SchemaLike;
  /** The JSON Schema to send when `parameters` is a Standard Schema that cannot convert itself. */
  readonly jsonSchema?: JsonSchemaObject | undefined;
  /** `function.strict` (strict schema adherence, where the provider supports it). @default undefined */
  readonly strict?: boolean | undefined;
  /**
   * Runs the tool. A string result is sent as is; anything else as JSON. A thrown error is sent to
   * the model as `Error: …` (so it can recover), unless the request was aborted.
   */
  readonly execute: (args: Args, context: ToolContext) => Result | Promise<Result>;
}

/**
 * Any tool, whatever its argument type: what {@link runTools} takes. (`never` arguments: every
 * `Tool<Args>` is assignable, parameters being contravariant.)
 *
 * @example
 * ```ts
 * const tools: AnyTool[] = [getWeather, getTime];
 * await runTools(client, { model, messages, tools });
 * ```
 */
export type AnyTool = Tool<never, unknown>;

/**
 * What {@link defineTool} takes: the arguments are typed from a Standard Schema `parameters`.
 *
 * @example
 * ```ts
 * const definition: ToolDefinition<typeof Args, string> = { name: "echo", parameters: Args, execute: (a) => a.text };
 * const echo = defineTool(definition);
 * ```
 */
export interface ToolDefinition<S extends SchemaLike, Result> {
  name: string;
  description?: string;
  parameters: S;
  jsonSchema?: JsonSchemaObject;
  strict?: boolean;
  execute: (args: ToolArgs<S>, context: ToolContext) => Result | Promise<Result>;
}

/**
 * A tool's argument type: the schema's output for a Standard Schema, else a JSON object.
 *
 * @example
 * ```ts
 * type Args = ToolArgs<typeof WeatherArgs>; // { city: string }
 * ```
 */
export type ToolArgs<S> = S extends { readonly "~standard": unknown }
  ? InferSchemaOutput<S>
  : Record<string, unknown>;

/**
 * Defines a tool for {@link runTools}. With a Standard Schema (zod 4, valibot, …) as `parameters`,
 * `args` is typed and validated before `execute` runs (a failure goes back to the model as an error
 * message); with a plain JSON Schema, `args` is the parsed JSON object.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * const getWeather = defineTool({
 *   name: "get_weather",
 *   description: "Current weather for a city",
 *   parameters: z.object({ city: z.string(), unit: z.enum(["celsius", "fahrenheit"]).optional() }),
 *   execute: async ({ city, unit }) => ({ city, temperature: 22, unit: unit ?? "celsius" }),
 * });
 * ```
 */
export function defineTool<S extends SchemaLike, Result>(
  definition: ToolDefinition<S, Result>,
): Tool<ToolArgs<S>, Result> {
  return { ...definition };
}

/**
 * What {@link runTools} reports through `onEvent`, in order.
 *
 * @example
 * ```ts
 * onEvent: (e: ToolRunnerEvent) => {
 *   if (e.type === "text.delta") process.stdout.write(e.delta);
 *   if (e.type === "tool.result" && e.isError) console.warn(e.message.content);
 * }
 * ```
 */
export type ToolRunnerEvent =
  /** A model request is about to be sent (`turn` is 1-based). */
  | { type: "turn.start"; turn: number; messages: readonly ChatMessages[] }
  /** Streaming mode only: a piece of the assistant's text. */
  | { type: "text.delta"; turn: number; delta: string }
  /** The model answered (the message is already appended to the transcript). */
  | {
      type: "assistant.message";
      turn: number;
      message: ChatAssistantMessage;
      completion: ChatSendResponse;
    }
  /** A tool is about to run (`args` is the parsed, validated arguments). */
  | { type: "tool.call"; turn: number; toolCall: ChatToolCall; args: unknown }
  /** A tool message was produced: a result, or (`isError`) an error the model will see. */
  | {
      type: "tool.result";
      turn: number;
      toolCall: ChatToolCall;
      message: ChatToolMessage;
      isError: boolean;
      /** What `execute` returned (absent on error). */
      result?: unknown;
      /** Why it failed: the thrown error, the JSON parse error, or the validation issues. */
      error?: unknown;
    };

/**
 * What {@link runTools} takes: chat parameters, plus the tools and the loop's settings.
 *
 * @example
 * ```ts
 * const params: RunToolsParams = { model: "openai/gpt-4o-mini", messages, tools: [getWeather], maxTurns: 5 };
 * const { completion } = await runTools(client, params);
 * ```
 */
export type RunToolsParams = Omit<ChatSendParams, "tools" | "stream" | "messages"> & {
  /** The conversation to start from (not modified: the result has the extended copy). */
  messages: readonly ChatMessages[];
  /** Your tools, from {@link defineTool}. */
  tools: readonly AnyTool[];
  /** Extra entries for the request's `tools`, such as OpenRouter server tools; never executed locally. */
  serverTools?: ChatFunctionTool[];
  /** Model requests allowed before {@link MaxTurnsExceededError}. @default 10 */
  maxTurns?: number;
  /** Stream each model request (text arrives through `onEvent` as `text.delta`). @default false */
  stream?: boolean;
  /** Observes the loop; awaited, so it can also apply back-pressure. */
  onEvent?: (event: ToolRunnerEvent) => void | Promise<void>;
};

/**
 * The outcome of {@link runTools}.
 *
 * @example
 * ```ts
 * const { completion, messages, turns }: RunToolsResult = await runTools(client, { model, messages, tools });
 * ```
 */
export interface RunToolsResult {
  /** The last completion: the one without tool calls. In streaming mode, rebuilt from the chunks. */
  completion: ChatSendResponse;
  /** The whole transcript: your messages, then every assistant and tool message, the final answer last. */
  messages: ChatMessages[];
  /** Model requests made. */
  turns: number;
}

/**
 * The model still wanted tools after `maxTurns` requests. The tools of the last turn have run, so
 * `messages` is a valid transcript: pass it to `runTools` again to continue.
 *
 * @example
 * ```ts
 * try { await runTools(client, { model, messages, tools, maxTurns: 3 }); }
 * catch (e) { if (e instanceof MaxTurnsExceededError) console.log(e.turns, e.messages.length); }
 * ```
 */
export class MaxTurnsExceededError extends OpenRouterError {
  static override readonly errorName: string = "MaxTurnsExceededError";

  readonly maxTurns: number;
  /** Model requests made (equals `maxTurns`). */
  readonly turns: number;
  /** The transcript, ending with the last turn's tool messages. */
  readonly messages: ChatMessages[];
  /** The last completion (it asked for tools). */
  readonly completion: ChatSendResponse;

  constructor(maxTurns: number, messages: ChatMessages[], completion: ChatSendResponse) {
    super(
      `The model still requested tools after ${maxTurns} turn${maxTurns === 1 ? "" : "s"} (maxTurns).`,
    );
    this.maxTurns = maxTurns;
    this.turns = maxTurns;
    this.messages = messages;
    this.completion = completion;
  }
}

/**
 * Runs a tool-calling conversation to its end: sends the chat request; while the model answers with
 * `tool_calls`, runs every call (in parallel), appends the assistant message (with its
 * `tool_calls`) and one `{ role: "tool", tool_call_id, content }` message per call, and asks again.
 *
 * - Arguments are parsed as JSON (an empty string is `{}`) and, for a Standard Schema tool,
 *   validated. Invalid JSON, failed validation, an unknown tool name or a throwing `execute` become
 *   an `Error: …` tool message for the model to react to, never an exception.
 * - The loop continues when the first choice has tool calls and its `finish_reason` is
 *   `tool_calls` (or `stop`/`null`, which some providers report alongside tool calls); any other
 *   answer ends it.
 * - After `maxTurns` model requests that all asked for tools, throws {@link MaxTurnsExceededError}.
 * - `stream: true` streams each request, assembling tool-call fragments by `index` (later
 *   fragments without `id` are fine) with `createChatAccumulator`, and reports text via `onEvent`.
 * - API errors and aborts (`options.signal`) propagate.
 *
 * @example
 * ```ts
 * const { completion, messages } = await runTools(client, {
 *   model: "openai/gpt-4o-mini",
 *   messages: [{ role: "user", content: "Weather in Paris and Tokyo?" }],
 *   tools: [getWeather],
 *   stream: true,
 *   onEvent: (e) => { if (e.type === "text.delta") process.stdout.write(e.delta); },
 * });
 * console.log(completion.choices[0]?.message.content);
 * ```
 */
export async function runTools(
  client: Client,
  params: RunToolsParams,
  options?: RequestOptions,
): Promise<RunToolsResult> {
  const {
    messages: initial,
    tools,
    serverTools,
    maxTurns = 10,
    stream = false,
    onEvent,
    ...chat
  } = params;
  if (!Number.isInteger(maxTurns) || maxTurns < 1) {
    throw new RangeError(`maxTurns must be a positive integer, not ${maxTurns}.`);
  }
  const byName = new Map<string, AnyTool>();
  for (const tool of tools) {
    if (byName.has(tool.name)) throw new OpenRouterError(`Two tools are named "${tool.name}".`);
    byName.set(tool.name, tool);
  }
  const toolSpecs: ChatFunctionTool[] = [...tools.map(toolSpec), ...(serverTools ?? [])];
  const messages: ChatMessages[] = [...initial];
  const emit = async (event: ToolRunnerEvent) => {
    if (onEvent) await onEvent(event);
  };

  for (let turn = 1; ; turn++) {
    await emit({ type: "turn.start", turn, messages });
    const body = {
      ...chat,
      messages: [...messages],
      ...(toolSpecs.length ? { tools: toolSpecs } : {}),
    };
    const completion = stream
      ? await streamTurn(client, body, options, (delta) =>
          emit({ type: "text.delta", turn, delta }),
        )
      : await chatSend(client, { ...body, stream: false }, options);

    const choice = completion.choices[0];
    if (!choice) return { completion, messages, turns: turn };
    const assistant = assistantMessage(choice.message, turn);
    messages.push(assistant);
    await emit({ type: "assistant.message", turn, message: assistant, completion });

    const calls = assistant.tool_calls ?? [];
    const wantsTools =
      calls.length > 0 &&
      (choice.finish_reason === "tool_calls" ||
        choice.finish_reason === "stop" ||
        choice.finish_reason === null);
    if (!wantsTools) return { completion, messages, turns: turn };

    const context = { messages: [...messages], turn, signal: options?.signal };
    const results = await Promise.all(
      calls.map((toolCall) => runCall(byName, toolCall, { ...context, toolCall }, emit)),
    );
    messages.push(...results);
    if (turn >= maxTurns) throw new MaxTurnsExceededError(maxTurns, messages, completion);
  }
}

/** The request `tools` entry of a tool. */
function toolSpec(tool: AnyTool): ChatFunctionTool {
  return {
    type: "function",
    function: {
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      parameters: tool.jsonSchema ?? toJsonSchema(tool.parameters, "input"),
      ...(tool.strict === undefined ? {} : { strict: tool.strict }),
    },
  };
}

async function streamTurn(
  client: Client,
  body: Omit<ChatSendParams, "stream">,
  options: RequestOptions | undefined,
  onText: (delta: string) => Promise<void>,
): Promise<ChatSendResponse> {
  const chunks = await chatSend(client, { ...body, stream: true }, options);
  const accumulator = createChatAccumulator();
  for await (const chunk of chunks) {
    accumulator.push(chunk);
    const text = chunk.choices?.find((c) => (c.index ?? 0) === 0)?.delta?.content;
    if (typeof text === "string" && text !== "") await onText(text);
  }
  return accumulator.result();
}

/**
 * The assistant message to send back: the response message without `null` fields (`content` kept,
 * `null` when empty beside tool calls), and with an id for any tool call that arrived without one
 * (the tool message must reference it).
 */
function assistantMessage(message: ChatAssistantMessage, turn: number): ChatAssistantMessage {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) {
    if (value !== null && value !== undefined) out[key] = value;
  }
  out["role"] = "assistant";
  if (!("content" in out)) out["content"] = null;
  if (message.tool_calls?.length) {
    // Streams start with `content: ""`; some providers reject an empty text block next to tool calls.
    if (out["content"] === "") out["content"] = null;
    out["tool_calls"] = message.tool_calls.map((call, i) => ({
      ...call,
      type: call.type ?? "function",
      id: call.id || `call_orkit_${turn}_${i}`,
    }));
  } else {
    delete out["tool_calls"];
  }
  return out as ChatAssistantMessage;
}

async function runCall(
  byName: Map<string, AnyTool>,
  toolCall: ChatToolCall,
  context: ToolContext,
  emit: (event: ToolRunnerEvent) => Promise<void>,
): Promise<ChatToolMessage> {
  const turn = context.turn;
  const fail = async (text: string, error: unknown): Promise<ChatToolMessage> => {
    const message: ChatToolMessage = {
      role: "tool",
      tool_call_id: toolCall.id,
      content: `Error: ${text}`,
    };
    await emit({ type: "tool.result", turn, toolCall, message, isError: true, error });
    return message;
  };

  const name = toolCall.function.name;
  const tool = byName.get(name);
  if (!tool) {
    const known = [...byName.keys()].join(", ") || "none";
    return fail(`unknown tool "${name}". Available tools: ${known}.`, undefined);
  }

  let args: unknown;
  const raw = toolCall.function.arguments ?? "";
  try {
    args = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch (error) {
    return fail(
      `the arguments for tool "${name}" are not valid JSON (${(error as Error).message}). Received: ${raw}`,
      error,
    );
  }
  if (isStandardSchema(tool.parameters)) {
    const checked = await validateWithSchema(tool.parameters, args);
    if (!checked.ok) {
      return fail(
        `invalid arguments for tool "${name}": ${formatIssues(checked.issues)}`,
        checked.issues,
      );
    }
    args = checked.value;
  }

  await emit({ type: "tool.call", turn, toolCall, args });
  let result: unknown;
  try {
    result = await tool.execute(args as never, context);
  } catch (error) {
    if (context.signal?.aborted || isUserAbortError(error)) throw error;
    const text = error instanceof Error ? error.message : String(error);
    return fail(`tool "${name}" failed: ${text}`, error);
  }
  const message: ChatToolMessage = {
    role: "tool",
    tool_call_id: toolCall.id,
    content: serializeResult(result),
  };
  await emit({ type: "tool.result", turn, toolCall, message, isError: false, result });
  return message;
}

function serializeResult(result: unknown): string {
  if (typeof result === "string") return result;
  if (result === undefined) return "";
  try {
    return JSON.stringify(result) ?? String(result);
  } catch {
    return String(result);
  }
}
