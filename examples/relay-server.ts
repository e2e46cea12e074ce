/**
 * Relay a chat stream from your server to a browser. The route calls `client.chat.send({ stream:
 * true })` with the server's key and re-emits each text delta as a Server-Sent Event, which a page
 * reads with `new EventSource("/chat?q=…")`; `/chat.ndjson` pipes `stream.toReadableStream()`
 * (one JSON chunk per line) instead. The example starts the server on a free port, requests both
 * routes with fetch, prints what was relayed and shuts down.
 * Run: `npx tsx relay-server.ts` (OPENROUTER_API_KEY, optionally OPENROUTER_BASE_URL).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { OpenRouter, type ChatSendStreamChunk } from "@orkit/openrouter";

await using client = new OpenRouter({ appTitle: "orkit examples" });

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const prompt = url.searchParams.get("q") ?? "Write a haiku about streams.";
  // The browser went away: abort the upstream request so no more tokens are generated (or billed).
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  try {
    const stream = await client.chat.send(
      { model: "openai/gpt-4o-mini", messages: [{ role: "user", content: prompt }], stream: true },
      { signal: abort.signal },
    );
    if (url.pathname === "/chat.ndjson") {
      // The SDK's own encoding: newline-delimited JSON chunks.
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      const reader = stream.toReadableStream().getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read())
        res.write(read.value);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    for await (const chunk of stream) {
      const text = chunk.choices[0]?.delta.content;
      if (text) res.write(`data: ${JSON.stringify({ text })}\n\n`);
    }
    res.end("data: [DONE]\n\n");
  } catch (error) {
    // Typed SDK errors carry the upstream status (429, 502, …).
    if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: String(error) }));
  }
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
console.log("relay listening on", origin);

async function get(path: string): Promise<string> {
  const response = await fetch(origin + path);
  if (!response.ok) throw new Error(`relay answered ${response.status}: ${await response.text()}`);
  return response.text();
}

// What a browser's EventSource would receive, parsed by hand.
const sse = await get(`/chat?q=${encodeURIComponent("Write a haiku about streams.")}`);
const relayed = sse
  .split("\n\n")
  .filter((event) => event.startsWith("data: ") && event !== "data: [DONE]")
  .map((event) => (JSON.parse(event.slice(6)) as { text: string }).text)
  .join("");
console.log("relayed (SSE):", relayed);

const ndjson = await get("/chat.ndjson?q=Hi");
const chunks = ndjson
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as ChatSendStreamChunk);
console.log(
  `relayed (NDJSON): ${chunks.length} chunks:`,
  chunks.map((c) => c.choices[0]?.delta.content ?? "").join(""),
);

server.close();
