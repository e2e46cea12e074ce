import { afterEach, describe, expect, it, vi } from "vitest";
import {
  OpenRouterError,
  paramsURL,
  toFormData,
  ClientClosedError,
  createClient,
  DEFAULT_BASE_URL,
  isClientClosedError,
  isUserAbortError,
  MissingApiKeyError,
  OpenRouterClient,
  PathParameterError,
  RateLimitError,
  ResponseParseError,
  VERSION,
  type OperationRequest,
} from "../src/index.js";
import { getModels, testClient, TEST_KEY } from "./helpers/client.js";
import { delay, sendJson, startServer } from "./helpers/http-server.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const okServer = () => startServer((_req, res) => sendJson(res, 200, { ok: true }));

describe("headers", () => {
  it("sends auth, attribution, SDK, default and operation headers; per-call headers win", async () => {
    const server = await okServer();
    const client = testClient(server.url, {
      httpReferer: "https://example.com",
      appTitle: "Orkit Test",
      appCategories: ["coding", "chat"],
      defaultHeaders: { "X-Team": "core", "X-Remove-Me": "present" },
    });

    await client.request(
      { ...getModels, headers: { "X-OpenRouter-Metadata": "enabled", "X-Skipped": undefined } },
      { headers: { "X-Team": "override", "X-Remove-Me": null } },
    );

    const h = server.requests[0]!.headers;
    expect(h).toMatchObject({
      authorization: `Bearer ${TEST_KEY}`,
      "http-referer": "https://example.com",
      "x-openrouter-title": "Orkit Test",
      "x-title": "Orkit Test",
      "x-openrouter-categories": "coding,chat",
      "x-openrouter-sdk": `orkit-ts/${VERSION}`,
      "x-openrouter-metadata": "enabled",
      "x-team": "override",
      accept: "application/json",
    });
    expect(h["x-remove-me"]).toBeUndefined();
    expect(h["x-skipped"]).toBeUndefined();
  });

  it("accepts the seed's xTitle name", async () => {
    const server = await okServer();
    await testClient(server.url, { xTitle: "Old Name" }).request(getModels);
    expect(server.requests[0]!.headers).toMatchObject({
      "x-title": "Old Name",
      "x-openrouter-title": "Old Name",
    });
  });

  it("lets per-call options override client options", async () => {
    const server = await okServer();
    await testClient(server.url, { appTitle: "A" }).request(getModels, {
      appTitle: "B",
      apiKey: "sk-other-key",
    });
    expect(server.requests[0]!.headers).toMatchObject({
      "x-openrouter-title": "B",
      authorization: "Bearer sk-other-key",
    });
  });
});

describe("API key", () => {
  it("fails with MissingApiKeyError naming OPENROUTER_API_KEY, before any I/O", async () => {
    vi.stubEnv("OPENROUTER_API_KEY", "");
    const server = await okServer();

    const error = await createClient({ baseURL: server.url })
      .request(getModels)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MissingApiKeyError);
    expect((error as Error).message).toContain("OPENROUTER_API_KEY");
    expect(server.requests).toHaveLength(0);
  });

  it("reads OPENROUTER_API_KEY and OPENROUTER_BASE_URL from the environment", async () => {
    const server = await okServer();
    vi.stubEnv("OPENROUTER_API_KEY", "sk-from-env");
    vi.stubEnv("OPENROUTER_BASE_URL", `${server.url}/api/v1`);

    await createClient().request(getModels);

    expect(server.requests[0]).toMatchObject({
      url: "/api/v1/models",
      headers: { authorization: "Bearer sk-from-env" },
    });
  });

  it.each(["", "   "])(
    "treats OPENROUTER_API_KEY=%j as unset: MissingApiKeyError, before any I/O",
    async (value) => {
      vi.stubEnv("OPENROUTER_API_KEY", value);
      const server = await okServer();

      const error = await createClient({ baseURL: server.url })
        .request(getModels)
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(MissingApiKeyError);
      expect(server.requests).toHaveLength(0);
    },
  );

  it.each([" \n", undefined, 42, { key: "sk-or-v1-x" }])(
    "treats a key function resolving to %j as no key: MissingApiKeyError, before any I/O",
    async (value) => {
      vi.stubEnv("OPENROUTER_API_KEY", "");
      const server = await okServer();

      // what an untyped caller's function may resolve to
      const apiKey = async () => value as string;
      const error = await createClient({ baseURL: server.url, apiKey })
        .request(getModels)
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(MissingApiKeyError);
      expect(server.requests).toHaveLength(0);
    },
  );

  it("trims the key a function resolves to", async () => {
    const server = await okServer();

    await createClient({ baseURL: server.url, apiKey: () => "sk-from-file\n" }).request(getModels);

    expect(server.requests[0]).toMatchObject({ headers: { authorization: "Bearer sk-from-file" } });
  });

  it.each(["", "  "])(
    "treats OPENROUTER_BASE_URL=%j as unset: the default base URL",
    async (value) => {
      vi.stubEnv("OPENROUTER_BASE_URL", value);
      const seen: string[] = [];
      const client = createClient({
        apiKey: TEST_KEY,
        fetch: async (input) => {
          seen.push(String(input));
          return Response.json({ ok: true });
        },
      });

      expect(await client.request(getModels)).toEqual({ ok: true });
      expect(seen).toEqual([`${DEFAULT_BASE_URL}/models`]);
    },
  );

  it("reaches the default base URL with OPENROUTER_BASE_URL empty and the default fetch", async () => {
    vi.stubEnv("OPENROUTER_BASE_URL", "");
    const seen: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      seen.push(String(input));
      return Response.json({ ok: true });
    });

    expect(await createClient({ apiKey: TEST_KEY }).request(getModels)).toEqual({ ok: true });
    expect(seen).toEqual([`${DEFAULT_BASE_URL}/models`]);
  });

  it("calls a key function before every request", async () => {
    const server = await okServer();
    let n = 0;
    const client = testClient(server.url, { apiKey: async () => `sk-rotated-${++n}` });

    await client.request(getModels);
    await client.request(getModels);

    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer sk-rotated-1",
      "Bearer sk-rotated-2",
    ]);
  });
});

describe("URL and body serialisation", () => {
  it("serialises query parameters: drops undefined/null, repeats arrays, stringifies scalars", async () => {
    const server = await okServer();
    await testClient(server.url).request({
      ...getModels,
      buildURL: paramsURL,
      query: {
        category: "programming",
        supported_parameters: ["tools", "top_k"],
        limit: 5,
        free: true,
        skip: undefined,
        none: null,
        q: "a b&c",
      },
    });
    expect(server.requests[0]!.url).toBe(
      "/models?category=programming&supported_parameters=tools&supported_parameters=top_k&limit=5&free=true&q=a%20b%26c",
    );
  });

  it("URL-encodes path parameters", async () => {
    const server = await okServer();
    await testClient(server.url).request({
      operationId: "getModelEndpoints",
      method: "GET",
      path: "/models/{author}/{slug}/endpoints",
      pathParams: { author: "openai", slug: "gpt 4o/mini?x#y" },
      buildURL: paramsURL,
      response: "json",
    });
    expect(server.requests[0]!.url).toBe("/models/openai/gpt%204o%2Fmini%3Fx%23y/endpoints");
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["a dot segment", ".."],
  ])("rejects a %s path parameter with PathParameterError before any I/O", async (_name, hash) => {
    const server = await okServer();
    const op: OperationRequest = {
      operationId: "getKey",
      method: "GET",
      path: "/keys/{hash}",
      pathParams: { hash },
      buildURL: paramsURL,
      response: "json",
    };

    const error = await testClient(server.url)
      .request(op)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PathParameterError);
    expect(error).toMatchObject({ parameter: "hash" });
    expect(server.requests).toHaveLength(0);
  });

  // A request that names a runtime piece it does not pass (generated code always passes them).
  it.each<[string, Partial<OperationRequest>, string]>([
    ["query", { query: { limit: 1 } }, "pathParams and query need buildURL (paramsURL)."],
    [
      "pathParams",
      { pathParams: { hash: "h" } },
      "pathParams and query need buildURL (paramsURL).",
    ],
    ['response "sse"', { response: "sse" }, '"sse" needs readStream (sseStream).'],
  ])("refuses %s without its runtime piece, before any I/O", async (_name, extra, message) => {
    const server = await okServer();
    const error = await testClient(server.url)
      .request({ ...getModels, ...extra })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenRouterError);
    expect((error as Error).message).toBe(`getModels: ${message}`);
    expect(server.requests).toHaveLength(0);
  });

  it("rejects an invalid header value as fetch's own TypeError, without retrying", async () => {
    const server = await okServer();
    const error = await testClient(server.url)
      .request(getModels, { headers: { "x-bad": "line\nbreak" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it("sends JSON bodies with a JSON content type", async () => {
    const server = await okServer();
    await testClient(server.url).request({
      operationId: "createKeys",
      method: "POST",
      path: "/keys",
      body: { name: "k" },
      response: "json",
    });
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({ name: "k" });
  });

  it("sends multipart bodies with file names, repeated arrays and JSON objects, and retries them intact", async () => {
    const server = await startServer((_req, res, { index }) => {
      if (index === 0) sendJson(res, 503, { error: { code: 503, message: "later" } });
      else sendJson(res, 200, { ok: true });
    });
    const file = new File([new Uint8Array([0xff, 0x00, 0x7f])], "clip.wav", { type: "audio/wav" });

    await testClient(server.url).request({
      operationId: "createTranscription",
      method: "POST",
      path: "/audio/transcriptions",
      body: toFormData({
        file,
        blob: new Blob(["plain"]),
        model: "openai/whisper",
        tags: ["a", "b"],
        options: { lang: "en" },
        n: 2,
        skip: undefined,
      }),
      response: "json",
    });

    const [first, second] = server.requests;
    expect(first!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(second!.body.equals(first!.body)).toBe(true);
    const form = await new Response(new Uint8Array(second!.body), {
      headers: { "content-type": second!.headers["content-type"]! },
    }).formData();
    const sent = form.get("file") as File;
    expect(sent.name).toBe("clip.wav");
    expect(new Uint8Array(await sent.arrayBuffer())).toEqual(new Uint8Array([0xff, 0x00, 0x7f]));
    expect((form.get("blob") as File).name).toBe("blob");
    expect(form.getAll("tags")).toEqual(["a", "b"]);
    expect(form.get("options")).toBe('{"lang":"en"}');
    expect(form.get("n")).toBe("2");
    expect(form.has("skip")).toBe(false);
  });
});

describe("responses", () => {
  it("withResponse() gives data, the raw response and the request id; asResponse() the unread response", async () => {
    const server = await startServer((_req, res) =>
      sendJson(
        res,
        200,
        { data: [] },
        { "x-generation-id": "gen-42", "x-ratelimit-remaining": "7" },
      ),
    );
    const client = testClient(server.url);

    const { data, response, requestId } = await client.request(getModels).withResponse();
    expect(data).toEqual({ data: [] });
    expect(response.status).toBe(200);
    expect(requestId).toBe("gen-42");

    const raw = await client.request(getModels).asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(await raw.json()).toEqual({ data: [] });
  });

  it("redacts a body that is not JSON before cutting its preview, so a key across the cut never shows", async () => {
    // the key starts 190 characters in: a cut at 200 before redacting would leave "sk-or-v1-t",
    // too short for the key pattern and no longer the whole configured key
    const body = `${"x".repeat(190)}${TEST_KEY} trailing`;
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    });

    const error = await testClient(server.url)
      .request(getModels)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseParseError);
    const { message, raw } = error as ResponseParseError;
    expect(message).toBe(
      `getModels: response body is not valid JSON: ${"x".repeat(190)}[REDACTED]`,
    );
    expect(raw).toBe(`${"x".repeat(190)}[REDACTED] trailing`);
  });

  it("parses JSON preceded by keep-alive whitespace", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("\n\n");
      setTimeout(() => res.end('\n{"id":"gen-1","choices":[]}'), 20);
    });
    expect(await testClient(server.url).request(getModels)).toEqual({ id: "gen-1", choices: [] });
  });

  it("turns a 200 error body into the typed error", async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, 200, {
        error: { code: 429, message: "Rate limit exceeded: free-models-per-day" },
        user_id: "u1",
      }),
    );

    const error = await testClient(server.url)
      .request(getModels)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      status: 429,
      message: "429 Rate limit exceeded: free-models-per-day",
    });
  });

  it("does not mistake a data payload with an error field for an error", async () => {
    const body = {
      object: "response",
      status: "failed",
      error: { code: "server_error", message: "x" },
    };
    const server = await startServer((_req, res) => sendJson(res, 200, body));
    expect(await testClient(server.url).request(getModels)).toEqual(body);
  });

  it("returns text, binary and empty bodies as declared", async () => {
    const server = await startServer((req, res) => {
      if (req.url === "/text") res.end("hello");
      else if (req.url === "/bin") res.end(Buffer.from([1, 2, 3]));
      else res.writeHead(204).end();
    });
    const client = testClient(server.url);
    const op = (path: string, response: OperationRequest["response"]): OperationRequest => ({
      operationId: path,
      method: "GET",
      path,
      response,
    });

    expect(await client.request(op("/text", "text"))).toBe("hello");
    const bin = await client.request<Response>(op("/bin", "binary"));
    expect(bin).toBeInstanceOf(Response);
    expect(new Uint8Array(await bin.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(await client.request(op("/empty", "empty"))).toBeUndefined();
  });
});

describe("lifecycle", () => {
  it("close() aborts in-flight requests and rejects later ones", async () => {
    const server = await startServer(() => {}); // never answers
    const client = testClient(server.url);

    const pending = client.request(getModels).catch((e: unknown) => e);
    await delay(50);
    await client.close();

    expect(await pending).toBeInstanceOf(ClientClosedError);
    await server.closed(0);
    const later = await client.request(getModels).catch((e: unknown) => e);
    expect(isClientClosedError(later)).toBe(true);
    expect((later as Error).message).toMatch(/closed/);
    expect(server.requests).toHaveLength(1);
  });

  it("rejects at once, without I/O, when the caller's signal is already aborted", async () => {
    const server = await okServer();
    const error = await testClient(server.url)
      .request(getModels, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(isUserAbortError(error)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it("await using closes the client at the end of the scope", async () => {
    const server = await startServer(() => {});
    let pending: Promise<unknown> | undefined;
    {
      await using client = testClient(server.url);
      pending = client.request(getModels).catch((e: unknown) => e);
      await delay(30);
    }
    expect(await pending).toBeInstanceOf(ClientClosedError);
  });

  it("withOptions returns the subclass, merges options, and closes with its parent", async () => {
    class OpenRouter extends OpenRouterClient {
      get models() {
        return { list: () => this.request(getModels) };
      }
    }
    const server = await okServer();
    const parent = new OpenRouter({
      apiKey: TEST_KEY,
      baseURL: server.url,
      defaultHeaders: { "X-A": "1" },
    });

    const child = parent.withOptions({ defaultHeaders: { "X-B": "2" } });
    await child.models.list();

    expect(child).toBeInstanceOf(OpenRouter);
    expect(server.requests[0]!.headers).toMatchObject({ "x-a": "1", "x-b": "2" });
    await parent.close();
    expect(child.closed).toBe(true);
    await expect(child.models.list()).rejects.toBeInstanceOf(ClientClosedError);
  });

  it("uses an injected fetch", async () => {
    const seen: string[] = [];
    const client = createClient({
      apiKey: TEST_KEY,
      baseURL: "https://openrouter.invalid/api/v1",
      fetch: async (input) => {
        seen.push(String(input));
        return Response.json({ injected: true });
      },
    });
    expect(await client.request(getModels)).toEqual({ injected: true });
    expect(seen).toEqual(["https://openrouter.invalid/api/v1/models"]);
  });
});
