import {
  OpenRouterClient,
  type ClientOptions,
  type Logger,
  type OperationRequest,
} from "../../src/index.js";

export const TEST_KEY = "sk-or-v1-test0123456789abcdef";

/** A sleep that records the requested delays and returns at once (still abort-aware). */
export function recordingSleep() {
  const delays: number[] = [];
  const sleep = (ms: number, signal?: AbortSignal) => {
    delays.push(ms);
    return signal?.aborted ? Promise.reject(signal.reason as Error) : Promise.resolve();
  };
  return { delays, sleep };
}

/** A client pointed at a test server, with a fast sleep unless overridden. */
export function testClient(baseURL: string, options: ClientOptions = {}) {
  return new OpenRouterClient({
    apiKey: TEST_KEY,
    baseURL,
    sleep: recordingSleep().sleep,
    ...options,
  });
}

/** A logger that records every call at every level, trace included. */
export function captureLogger() {
  const lines: Array<{ level: string; message: string; args: unknown[] }> = [];
  const at =
    (level: string) =>
    (message: string, ...args: unknown[]) =>
      lines.push({ level, message, args });
  const logger: Logger = {
    trace: at("trace"),
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
  };
  return { logger, lines, text: () => JSON.stringify(lines) };
}

/** A GET operation returning JSON, for tests that only care about transport behaviour. */
export const getModels = {
  operationId: "getModels",
  method: "GET",
  path: "/models",
  response: "json",
} as const;

/** A non-streaming chat completion request with one user message, as `chatSend` builds it. */
export function chatRequest(content = "Hi"): OperationRequest & { body: unknown } {
  return {
    operationId: "sendChatCompletionRequest",
    method: "POST",
    path: "/chat/completions",
    body: { model: "openai/gpt-4o", messages: [{ role: "user", content }] },
    response: "json",
  };
}
