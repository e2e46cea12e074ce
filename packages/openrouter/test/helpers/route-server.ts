/**
 * A tiny router on a real node:http server bound to 127.0.0.1 (port 0), for loopback tests of the
 * helpers: no global fetch mocking. Started per test, closed when the test ends.
 */
import http from "node:http";
import { startLoopbackServer } from "./loopback-server.js";

/** One request as the server received it. */
export interface SeenRequest {
  method: string;
  /** Path without the query, e.g. `/api/v1/models`. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** The body parsed as JSON (undefined when empty). */
  body: any;
}

export type RouteHandler = (
  req: SeenRequest,
  res: http.ServerResponse,
  call: number,
) => void | Promise<void>;

export interface RouteServer {
  /** Base URL to pass as `baseURL`, e.g. `http://127.0.0.1:5432/api/v1`. */
  baseURL: string;
  /** Every request, in arrival order. */
  requests: SeenRequest[];
  /** The requests of one route key (`"POST /chat/completions"`). */
  calls(route: string): SeenRequest[];
}

/**
 * Routes are `"METHOD /path"` (relative to `/api/v1`). A handler array answers the n-th call with
 * the n-th handler (the last one repeats). Unknown routes get a JSON 404.
 */
export async function startRouteServer(
  routes: Record<string, RouteHandler | RouteHandler[]>,
): Promise<RouteServer> {
  const requests: SeenRequest[] = [];
  const counts = new Map<string, number>();
  const { origin } = await startLoopbackServer((req, res, text) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const seen: SeenRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(seen);
    const key = `${seen.method} ${url.pathname.replace(/^\/api\/v1/, "")}`;
    const route = routes[key];
    if (!route) {
      sendJson(res, 404, { error: { code: 404, message: `no route ${key}` } });
      return;
    }
    const call = counts.get(key) ?? 0;
    counts.set(key, call + 1);
    const handler = Array.isArray(route) ? route[Math.min(call, route.length - 1)]! : route;
    return handler(seen, res, call);
  });
  return {
    baseURL: `${origin}/api/v1`,
    requests,
    calls: (route) => {
      const [method, path] = route.split(" ");
      return requests.filter((r) => r.method === method && r.path === `/api/v1${path}`);
    },
  };
}

/**
 * Writes a JSON response. OpenRouter pads bodies with keep-alive newlines before the JSON, so the
 * body is sent as `"\n\n{...}"` unless `pad: false`.
 */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  options: { headers?: Record<string, string>; pad?: boolean } = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...options.headers });
  res.end(`${options.pad === false ? "" : "\n\n"}${JSON.stringify(body)}`);
}

/** A JSON route handler. */
export function json(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): RouteHandler {
  return (_req, res) => sendJson(res, status, body, { headers });
}

/**
 * An SSE route handler: `: OPENROUTER PROCESSING`, then each event as `data: …`, then `[DONE]`.
 * `then: "destroy"` drops the connection after the events instead of finishing.
 */
export function sse(events: unknown[], then: "done" | "destroy" = "done"): RouteHandler {
  return async (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write(": OPENROUTER PROCESSING\n\n");
    for (const event of events) {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
      await new Promise((r) => setTimeout(r, 5));
    }
    if (then === "destroy") {
      res.destroy();
      return;
    }
    res.end("data: [DONE]\n\n");
  };
}
