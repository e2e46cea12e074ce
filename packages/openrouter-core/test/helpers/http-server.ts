import http from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";

/** What the server saw for one request. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ctx: { index: number; body: Buffer },
) => void | Promise<void>;

export interface TestServer {
  /** e.g. http://127.0.0.1:53211 */
  url: string;
  requests: RecordedRequest[];
  /** Resolves when the server sees the client close the connection of request `index`. */
  closed(index: number): Promise<void>;
}

/**
 * Starts a real HTTP server on 127.0.0.1 (port 0) for the current test and closes it when the test
 * ends. The handler gets the request with its body already read, and the 0-based request index.
 */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const closes: Array<Promise<void>> = [];
  const server = http.createServer((req, res) => {
    const index = requests.length;
    const chunks: Buffer[] = [];
    closes[index] = new Promise((resolve) => res.on("close", () => resolve()));
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      requests[index] = { method: req.method!, url: req.url!, headers: req.headers, body };
      Promise.resolve(handler(req, res, { index, body })).catch((error: unknown) => {
        res.destroy(error as Error);
      });
    });
    // Reserve the slot synchronously so indexes follow arrival order.
    requests.length = index + 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    closed: (index) => closes[index] ?? Promise.reject(new Error(`no request ${index}`)),
  };
}

/** Writes a JSON response. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

/** Starts an event stream response. */
export function startSSE(res: http.ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    ...headers,
  });
  res.flushHeaders();
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
