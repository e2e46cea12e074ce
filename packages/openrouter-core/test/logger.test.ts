import { afterEach, describe, expect, it, vi } from "vitest";
import { consoleLogger, paramsURL, silentLogger, type OperationRequest } from "../src/index.js";
import { createRedactor } from "../src/internal/redact.js";
import { headersForLog, resolveLogger } from "../src/logger.js";
import { captureLogger, getModels, testClient, TEST_KEY } from "./helpers/client.js";
import { sendJson, startServer } from "./helpers/http-server.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("debug logging", () => {
  it("logs method, URL, status, timing and retries, with bodies at trace only", async () => {
    const server = await startServer((_req, res, { index }) =>
      index === 0 ? sendJson(res, 500, { error: { message: "x" } }) : sendJson(res, 200, { ok: 1 }),
    );
    const log = captureLogger();
    const op: OperationRequest = {
      operationId: "createKeys",
      method: "POST",
      path: "/keys",
      body: { name: "n" },
      response: "json",
    };

    await testClient(server.url, { logger: log.logger }).request(op);

    const debug = log.lines.filter((l) => l.level === "debug").map((l) => l.message);
    expect(debug[0]).toBe(`→ POST ${server.url}/keys (createKeys, attempt 1/3)`);
    expect(debug).toContainEqual(
      expect.stringMatching(new RegExp(`^← 500 POST ${server.url}/keys in \\d+ms$`)),
    );
    expect(
      log.lines.some((l) => l.level === "info" && l.message.includes("retrying after status 500")),
    ).toBe(true);
    const traced = log.lines.filter((l) => l.level === "trace");
    expect(traced.map((l) => l.args[0])).toContain('{"name":"n"}');
    expect(
      log.lines
        .filter((l) => l.level !== "trace")
        .some((l) => JSON.stringify(l).includes('"name":"n"')),
    ).toBe(false);
  });

  it.each([
    ["1", true],
    ["true", true],
    ["TRUE", true],
    ["yes", true],
    [" on ", true],
    ["0", false],
    ["false", false],
    ["", false],
    ["no", false],
    ["off", false],
  ])("OPENROUTER_DEBUG=%j enables the console logger: %s", (value, enabled) => {
    vi.stubEnv("OPENROUTER_DEBUG", value);
    expect(resolveLogger({})).toBe(enabled ? consoleLogger : silentLogger);
  });

  it("prefers an explicit logger or debug flag over the environment", () => {
    vi.stubEnv("OPENROUTER_DEBUG", "1");
    const { logger } = captureLogger();
    expect(resolveLogger({ logger })).toBe(logger);
    expect(resolveLogger({ debug: false })).toBe(silentLogger);
  });
});

describe("redaction", () => {
  it("never shows the key to a logger capturing everything, even when the server echoes it", async () => {
    const server = await startServer((req, res, { index }) => {
      const echo = {
        error: { code: 401, message: `bad key ${req.headers.authorization}` },
        seen: req.headers,
      };
      if (index === 0)
        sendJson(res, 503, echo, { "x-echo": TEST_KEY, "set-cookie": `k=${TEST_KEY}` });
      else sendJson(res, 401, echo, { "x-echo": TEST_KEY });
    });
    const log = captureLogger();
    const client = testClient(server.url, {
      logger: log.logger,
      defaultHeaders: { Cookie: `session=${TEST_KEY}`, "X-Custom": `key=${TEST_KEY}` },
    });

    const error = (await client
      .request({ ...getModels, query: { leak: TEST_KEY }, buildURL: paramsURL })
      .catch((e: unknown) => e)) as Error & { body: unknown; headers: Headers };

    // assert the server really echoed it, so the test proves something
    expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(log.lines.length).toBeGreaterThan(4);
    expect(log.text()).not.toContain(TEST_KEY);
    expect(log.text()).toContain("[REDACTED]");
    for (const text of [
      error.message,
      error.stack,
      JSON.stringify(error),
      JSON.stringify(error.body),
      JSON.stringify([...error.headers]),
    ]) {
      expect(text).not.toContain(TEST_KEY);
    }
  });

  it("hides credential headers whole, whatever their prefix, and the key in other headers", () => {
    const redact = createRedactor([TEST_KEY]);
    expect(
      headersForLog(
        {
          authorization: "Basic dXNlcjpwYXNz",
          "Proxy-Authorization": "Basic dXNlcjpwYXNz",
          "x-upstream-authorization": "token",
          cookie: "session=1",
          "Set-Cookie": "id=2",
          "x-custom": `key=${TEST_KEY}`,
          accept: "application/json",
        },
        redact,
      ),
    ).toEqual({
      authorization: "[REDACTED]",
      "Proxy-Authorization": "[REDACTED]",
      "x-upstream-authorization": "[REDACTED]",
      cookie: "[REDACTED]",
      "Set-Cookie": "[REDACTED]",
      "x-custom": "key=[REDACTED]",
      accept: "application/json",
    });
  });

  it("keeps the key out of connection and stream errors", async () => {
    const server = await startServer((req) => void req.socket.destroy());
    const log = captureLogger();

    const error = (await testClient(`${server.url}/${TEST_KEY}`, {
      logger: log.logger,
      maxRetries: 1,
    })
      .request(getModels)
      .catch((e: unknown) => e)) as Error;

    expect(error.name).toBe("ConnectionError");
    expect(`${error.message}\n${error.stack}`).not.toContain(TEST_KEY);
    expect(log.text()).not.toContain(TEST_KEY);
  });
});
