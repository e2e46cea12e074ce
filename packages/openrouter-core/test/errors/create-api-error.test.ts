import { describe, expect, it } from "vitest";
import {
  APIError,
  createAPIError,
  InvalidRequestError,
  ModelNotFoundError,
  NotFoundError,
  BadRequestError,
  PermissionDeniedError,
  STATUS_ERRORS,
} from "../../src/index.js";
import { createRedactor } from "../../src/internal/redact.js";
import { getModels, testClient, TEST_KEY } from "../helpers/client.js";
import { startServer } from "../helpers/http-server.js";

const redact = createRedactor([TEST_KEY]);

describe("status → class", () => {
  it.each(STATUS_ERRORS.map(([status, cls, name]) => [status, name, cls] as const))(
    "%i → %s",
    async (status, name, cls) => {
      const server = await startServer((_req, res) => {
        res.writeHead(status, { "content-type": "application/json", "x-request-id": "req_1" });
        res.end(JSON.stringify({ error: { code: status, message: "server says no" } }));
      });

      const error = await testClient(server.url, { maxRetries: 0 })
        .request(getModels)
        .catch((e: unknown) => e);

      // assert class, name and the common fields
      expect(error).toBeInstanceOf(cls);
      expect(error).toBeInstanceOf(APIError);
      expect(error).toMatchObject({ name, status, code: status, requestId: "req_1" });
      expect((error as Error).message).toBe(`${status} server says no`);
      expect((error as Error).stack).toMatch(new RegExp(`^${name}: ${status}`));
    },
  );

  it("maps unknown 5xx to InternalServerError and unknown 4xx to APIError", () => {
    const e599 = createAPIError({ status: 599, body: undefined, redact });
    const e418 = createAPIError({ status: 418, body: undefined, redact });
    expect(e599.name).toBe("InternalServerError");
    expect(e418.constructor).toBe(APIError);
    expect(e418.message).toBe("418 (no body)");
  });

  it("exports the seed's names as aliases of the same classes", () => {
    expect(InvalidRequestError).toBe(BadRequestError);
    expect(ModelNotFoundError).toBe(NotFoundError);
  });
});

describe("body variants", () => {
  const variants: Array<[string, number, unknown, Partial<Record<string, unknown>>]> = [
    [
      "numeric code",
      400,
      { error: { code: 400, message: "bad model" } },
      { code: 400, message: "400 bad model" },
    ],
    [
      "string code kept as sent",
      400,
      { error: { code: "invalid_prompt", message: "too long" } },
      { code: "invalid_prompt", message: "400 too long" },
    ],
    [
      "missing code → http_status",
      429,
      { error: { message: "slow down", http_status: 429 } },
      { code: 429 },
    ],
    [
      "missing code → error_type",
      529,
      { error: { message: "busy", error_type: "provider_overloaded" } },
      { code: "provider_overloaded" },
    ],
    [
      "missing code, nothing else → status",
      503,
      { error: { message: "down" } },
      { code: 503, message: "503 down" },
    ],
    [
      "no error wrapper",
      404,
      { message: "no such route" },
      { code: 404, message: "404 no such route" },
    ],
    [
      "leading whitespace before JSON",
      502,
      '\n\n  {"error":{"code":502,"message":"upstream"}}',
      { code: 502, message: "502 upstream" },
    ],
    [
      "HTML page from a proxy",
      502,
      "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>",
      { code: 502, message: "502 502 Bad Gateway" },
    ],
    ["plain text", 500, "upstream connect error", { message: "500 upstream connect error" }],
    ["empty body", 500, "", { message: "500 (no body)", body: undefined }],
    [
      "provider metadata with JSON raw",
      400,
      {
        error: {
          code: 400,
          message: "Provider returned error",
          metadata: { provider_name: "DeepInfra", raw: '{"error":{"message":"context too long"}}' },
        },
      },
      {
        providerName: "DeepInfra",
        message: "400 Provider returned error [DeepInfra] context too long",
        metadata: { provider_name: "DeepInfra", raw: { error: { message: "context too long" } } },
      },
    ],
    [
      "provider metadata with plain-string raw",
      502,
      {
        error: {
          code: 502,
          message: "Provider returned error",
          metadata: { provider_name: "Groq", raw: "Service temporarily unavailable" },
        },
      },
      {
        message: "502 Provider returned error [Groq] Service temporarily unavailable",
        metadata: { provider_name: "Groq", raw: "Service temporarily unavailable" },
      },
    ],
    [
      "provider metadata with object raw",
      429,
      {
        error: {
          code: 429,
          message: "Rate limited upstream",
          metadata: { provider_name: "Together", raw: { detail: "quota" } },
        },
      },
      { message: "429 Rate limited upstream [Together] quota" },
    ],
    [
      "body id as request id",
      500,
      { id: "gen-123", error: { code: 500, message: "boom" } },
      { requestId: "gen-123" },
    ],
  ];

  it.each(variants)("%s", async (_name, status, body, want) => {
    const server = await startServer((_req, res) => {
      res.writeHead(status, {
        "content-type": typeof body === "string" ? "text/html" : "application/json",
      });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    });

    const error = await testClient(server.url, { maxRetries: 0 })
      .request(getModels)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status, ...want });
  });

  it("describes a body without a message by the JSON of its error", () => {
    const error = createAPIError({ status: 500, body: { error: { code: 500 } }, redact });
    expect(error.message).toBe('500 {"code":500}');
    // no own `cause` when none was given (Error would add `cause: undefined`)
    expect(Object.hasOwn(error, "cause")).toBe(false);
    // toJSON: name and message first, the fields, no headers
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "InternalServerError",
      message: '500 {"code":500}',
      status: 500,
      code: 500,
      body: { error: { code: 500 } },
    });
  });

  it("describes an HTML page without a title by its collapsed text", () => {
    const error = createAPIError({ status: 502, body: "<p>\n  upstream\n</p>", redact });
    expect(error.message).toBe("502 <p> upstream </p>");
  });

  it("truncates a long text body in the message", () => {
    const error = createAPIError({ status: 500, body: "x".repeat(5000), redact });
    expect(error.message.length).toBeLessThan(220);
  });

  it("exposes moderation details on 403", () => {
    const error = createAPIError({
      status: 403,
      body: {
        error: {
          code: 403,
          message: "Input was flagged",
          metadata: {
            reasons: ["violence", "harassment"],
            flagged_input: "some text…",
            provider_name: "OpenAI",
            model_slug: "openai/gpt-4o",
          },
        },
      },
      redact,
    });
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({
      reasons: ["violence", "harassment"],
      flaggedInput: "some text…",
    });
  });
});

describe("in-band errors (a 200 body or a stream event)", () => {
  it("takes the class from a numeric HTTP-like code", () => {
    const error = createAPIError({
      status: 200,
      body: { error: { code: 429, message: "limited" } },
      redact,
      inBand: true,
    });
    expect(error).toMatchObject({
      name: "RateLimitError",
      status: 429,
      code: 429,
      message: "429 limited",
    });
  });

  it("stays an APIError with the response status for a non-HTTP code", () => {
    const error = createAPIError({
      status: 200,
      body: { error: { code: "server_error", message: "oops" } },
      redact,
      inBand: true,
    });
    expect(error.constructor).toBe(APIError);
    expect(error).toMatchObject({ status: 200, code: "server_error" });
  });
});

describe("redaction", () => {
  it("removes the key from message, body, metadata, headers and JSON, even when echoed", () => {
    const error = createAPIError({
      status: 401,
      headers: new Headers({ "x-echo": `Bearer ${TEST_KEY}` }),
      body: {
        error: {
          code: 401,
          message: `Invalid key ${TEST_KEY}`,
          metadata: { raw: `{"key":"${TEST_KEY}"}` },
        },
      },
      redact,
    });
    const everything = [
      error.message,
      error.stack,
      JSON.stringify(error),
      JSON.stringify(error.body),
      error.headers.get("x-echo"),
    ].join("\n");
    expect(everything).not.toContain(TEST_KEY);
    expect(error.message).toBe('401 Invalid key [REDACTED] {"key":"[REDACTED]"}');
  });
});
