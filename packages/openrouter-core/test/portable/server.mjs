// The loopback server the portability suite talks to: node:http on 127.0.0.1, port 0.
//
// API routes live under /api/v1 and answer with permissive CORS (preflight included, the SDK's
// headers allowed, the rate-limit/request-id headers exposed), so a page served from a *different*
// origin (the second listener, see run.mjs) can call them exactly as a browser app would call
// openrouter.ai. /portable/ serves the HTML page and the suite bundle for the browser run.
//
// Every route is bounded: nothing waits longer than a few seconds, and close() drops every socket.

import http from "node:http";

/** Headers the browser may read from JS: without this list `withResponse()` and Retry-After break. */
const EXPOSED = [
  "retry-after",
  "retry-after-ms",
  "x-should-retry",
  "x-request-id",
  "x-generation-id",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
].join(", ");

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": EXPOSED,
};

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the server. `assets` maps a path under /portable/ to `{ type, body }` (the browser page
 * and bundle); it can be filled in after start. Returns `{ url, stats, close }`.
 */
export async function startServer({ assets = new Map() } = {}) {
  /** Per-key state shared by both listeners: attempt counters and stream close notifications. */
  const attempts = new Map();
  const streams = new Map(); // key -> { closed: boolean, events: number, waiters: [] }
  const stats = { requests: 0, preflights: 0 };
  const sockets = new Set();
  const servers = [];

  const streamState = (key) => {
    let s = streams.get(key);
    if (!s) streams.set(key, (s = { closed: false, events: 0, waiters: [] }));
    return s;
  };

  async function handle(req, res, body) {
    const url = new URL(req.url, "http://127.0.0.1");
    const key = url.searchParams.get("key") ?? "";
    const path = url.pathname;

    if (path.startsWith("/portable/")) {
      const asset = assets.get(path.slice("/portable/".length) || "index.html");
      if (!asset) return send(res, 404, "text/plain", "no such asset");
      return send(res, 200, asset.type, asset.body, { "cache-control": "no-store" });
    }
    if (path === "/favicon.ico") return send(res, 204, "text/plain", "");

    if (req.method === "OPTIONS") {
      stats.preflights++;
      res.writeHead(204, {
        ...CORS,
        "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
        "access-control-max-age": "600",
      });
      return res.end();
    }
    stats.requests++;

    switch (path) {
      case "/api/v1/echo":
        return json(res, 200, {
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: body.toString("utf8"),
        });

      case "/api/v1/meta":
        return json(
          res,
          200,
          { data: [{ id: "portable/model" }] },
          {
            "x-generation-id": "gen-portable-1",
            "x-ratelimit-limit": "100",
            "x-ratelimit-remaining": "7",
            "x-ratelimit-reset": "1893456000000",
          },
        );

      case "/api/v1/flaky-429": {
        const n = bump(attempts, key);
        if (n === 1) {
          return json(
            res,
            429,
            { error: { code: 429, message: "Rate limit exceeded: portable" } },
            { "retry-after": "0.2" },
          );
        }
        return json(res, 200, { ok: true, attempts: n });
      }

      case "/api/v1/always-429":
        bump(attempts, key);
        return json(
          res,
          429,
          { error: { code: 429, message: "Rate limit exceeded: always" } },
          { "retry-after": "0.05", "x-request-id": "req-429" },
        );

      case "/api/v1/bad-request":
        bump(attempts, key);
        return json(
          res,
          400,
          {
            error: {
              code: 400,
              message: "messages: Required",
              metadata: { param: "messages" },
            },
          },
          { "x-request-id": "req-400" },
        );

      case "/api/v1/attempts":
        return json(res, 200, { attempts: attempts.get(url.searchParams.get("of")) ?? 0 });

      case "/api/v1/slow-headers":
        // Headers only after 5 s; the client's timeout fires long before. Bounded either way.
        await Promise.race([delay(5000), closed(res)]);
        if (!res.destroyed) json(res, 200, { late: true });
        return;

      case "/api/v1/upload": {
        const form = await new Response(body, {
          headers: { "content-type": req.headers["content-type"] ?? "" },
        }).formData();
        const file = form.get("file");
        return json(res, 200, {
          contentType: req.headers["content-type"]?.split(";")[0],
          model: form.get("model"),
          tags: form.getAll("tags"),
          fileName: typeof file === "string" ? null : file?.name,
          fileBytes:
            typeof file === "string" ? null : [...new Uint8Array(await file.arrayBuffer())],
        });
      }

      case "/api/v1/stream-closed": {
        // Long-polls until the stream request `of` has been closed by the client (max 3 s).
        const state = streamState(url.searchParams.get("of"));
        if (!state.closed) {
          await Promise.race([new Promise((r) => state.waiters.push(r)), delay(3000)]);
        }
        return json(res, 200, { closed: state.closed, events: state.events });
      }

      case "/api/v1/chat/completions":
        return sse(res, url.searchParams.get("scenario"), key);

      default:
        return json(res, 404, { error: { code: 404, message: `No route ${req.method} ${path}` } });
    }
  }

  async function sse(res, scenario, key) {
    const state = streamState(key);
    res.on("close", () => {
      state.closed = true;
      state.waiters.splice(0).forEach((w) => w());
    });
    res.writeHead(200, {
      ...CORS,
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      "x-generation-id": `gen-${scenario}`,
    });
    res.flushHeaders();
    const write = async (chunk, pause = 15) => {
      if (res.destroyed) return false;
      res.write(chunk);
      await delay(pause);
      return !res.destroyed;
    };
    const event = (content, extra = {}) =>
      `data: ${JSON.stringify({ id: "gen-1", choices: [{ index: 0, delta: { content }, ...extra }] })}\n\n`;

    switch (scenario) {
      case "chat": {
        await write(": OPENROUTER PROCESSING\n\n");
        await write(": OPENROUTER PROCESSING\n\n");
        await write(event("Hé"));
        // "😀 wörld" with the emoji's 4 bytes and the ö's 2 bytes each split across writes.
        const bytes = Buffer.from(event("😀 wörld"), "utf8");
        const emoji = bytes.indexOf(Buffer.from("😀", "utf8"));
        const umlaut = bytes.indexOf(Buffer.from("ö", "utf8"));
        await write(bytes.subarray(0, emoji + 2), 40);
        await write(bytes.subarray(emoji + 2, umlaut + 1), 40);
        await write(bytes.subarray(umlaut + 1), 20);
        // One event split in the middle of its "\n\n" terminator, with a CRLF line ending.
        await write(`data: ${JSON.stringify({ choices: [{ delta: { content: "!" } }] })}\r\n`, 30);
        await write("\r\n");
        await write(": OPENROUTER PROCESSING\n\n");
        await write(event("", { finish_reason: "stop" }));
        await write("data: [DONE]\n\n");
        // Anything after [DONE] must never reach the consumer.
        await write(event("AFTER-DONE"));
        return res.end();
      }
      case "inband-error":
        await write(event("partial"));
        await write(
          `data: ${JSON.stringify({
            id: "gen-err",
            error: {
              code: 502,
              message: "Provider disconnected",
              metadata: { provider_name: "Acme" },
            },
            choices: [{ index: 0, delta: { content: "" }, finish_reason: "error" }],
          })}\n\n`,
        );
        await write(event("AFTER-ERROR"));
        return res.end();
      case "endless":
        // Until the client goes away, at most 10 s.
        for (let i = 0; i < 400 && !res.destroyed; i++) {
          state.events++;
          if (!(await write(event(`tick ${i}`), 25))) break;
        }
        return res.end();
      case "stall":
        await write(event("first"));
        await Promise.race([delay(5000), closed(res)]);
        return res.end();
      case "keepalive":
        // Only comments for ~600 ms: longer than the client's idleTimeout, but never idle for long.
        for (let i = 0; i < 10; i++) await write(": OPENROUTER PROCESSING\n\n", 60);
        await write(event("after keep-alives"));
        await write("data: [DONE]\n\n");
        return res.end();
      default:
        await write(
          `data: ${JSON.stringify({ error: { code: 400, message: "bad scenario" } })}\n\n`,
        );
        return res.end();
    }
  }

  function onRequest(req, res) {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      handle(req, res, Buffer.concat(chunks)).catch((error) => {
        if (!res.headersSent) json(res, 500, { error: { code: 500, message: String(error) } });
        else res.destroy();
      });
    });
  }

  async function listen() {
    const server = http.createServer(onRequest);
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    return `http://127.0.0.1:${server.address().port}`;
  }

  // Two listeners, two origins: the browser page comes from `pageURL`, the API from `url`, so every
  // browser request is cross-origin and CORS (preflight, exposed headers) is really exercised.
  const url = await listen();
  const pageURL = await listen();

  return {
    url,
    pageURL,
    stats,
    assets,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(() => resolve()))));
    },
  };
}

function bump(map, key) {
  const n = (map.get(key) ?? 0) + 1;
  map.set(key, n);
  return n;
}

function closed(res) {
  return new Promise((resolve) => res.once("close", resolve));
}

function json(res, status, body, headers = {}) {
  send(res, status, "application/json", JSON.stringify(body), { ...CORS, ...headers });
}

function send(res, status, type, body, headers = {}) {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": type, ...headers });
  res.end(body);
}

// `node server.mjs`: run it standalone (handy for poking at the routes by hand).
if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer();
  console.log(`API ${server.url}/api/v1   page origin ${server.pageURL}`);
  process.on("SIGINT", () => server.close().then(() => process.exit(0)));
}
