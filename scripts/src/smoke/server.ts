/**
 * A loopback stand-in for the OpenRouter API, just enough for the packed-install smoke test:
 * `POST /api/v1/chat/completions` (JSON, or SSE when `stream: true`; model `smoke/unauthorized`
 * answers 401) and `GET /api/v1/models`. Listens on 127.0.0.1 only and records every request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const SMOKE_API_KEY = "sk-or-smoke-test";

export interface SeenRequest {
  method: string;
  path: string;
  userAgent: string | undefined;
  stream: boolean;
}

export interface SmokeServer {
  /** `http://127.0.0.1:PORT/api/v1`, what `OPENROUTER_BASE_URL` is set to */
  baseURL: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startSmokeServer(): Promise<SmokeServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const raw = await readBody(req);
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      requests.push({
        method: req.method ?? "",
        path: url.pathname,
        userAgent: req.headers["user-agent"],
        stream: body.stream === true,
      });
      if (req.headers.authorization !== `Bearer ${SMOKE_API_KEY}`) {
        return json(res, 401, { error: { code: 401, message: "missing or wrong API key" } });
      }
      if (req.method === "GET" && url.pathname === "/api/v1/models") {
        return json(res, 200, {
          data: [{ id: "openai/gpt-4o-mini", name: "GPT-4o mini", context_length: 128000 }],
        });
      }
      if (req.method === "POST" && url.pathname === "/api/v1/chat/completions") {
        if (body.model === "smoke/unauthorized") {
          return json(res, 401, { error: { code: 401, message: "User not found." } });
        }
        const messages = (body.messages ?? []) as { content?: unknown }[];
        const question = String(messages.at(-1)?.content ?? "");
        const base = { id: "gen-smoke-1", created: 1_700_000_000, model: String(body.model) };
        if (body.stream === true) {
          res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
          res.write(": OPENROUTER PROCESSING\n\n");
          for (const piece of ["Par", "is"]) {
            const chunk = {
              ...base,
              object: "chat.completion.chunk",
              choices: [
                { index: 0, delta: { role: "assistant", content: piece }, finish_reason: null },
              ],
            };
            res.write(`data: ${JSON.stringify(chunk)}\n\n`);
          }
          res.end("data: [DONE]\n\n");
          return;
        }
        return json(res, 200, {
          ...base,
          object: "chat.completion",
          choices: [
            {
              index: 0,
              finish_reason: "stop",
              message: { role: "assistant", content: `echo: ${question}` },
            },
          ],
          usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
        });
      }
      json(res, 404, { error: { code: 404, message: `no route ${req.method} ${url.pathname}` } });
    })().catch((err: unknown) => json(res, 500, { error: { code: 500, message: String(err) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/api/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
