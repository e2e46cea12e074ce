/**
 * Request options of OpenRouter's chat API beyond the OpenAI shape, each field as the generated
 * `ChatSendParams` types name it: provider preferences, the auto router, context compression
 * (the old `transforms: ["middle-out"]`), usage and cost, image and file inputs, and JSON mode.
 * Run: `npx tsx provider-routing.ts` (OPENROUTER_API_KEY, optionally OPENROUTER_BASE_URL).
 */
import { OpenRouter, costOf, sendJson } from "@orkit/openrouter";

await using client = new OpenRouter({ appTitle: "orkit examples" });
const ask = (content: string) => [{ role: "user" as const, content }];

// Provider routing: try Anthropic first, then Amazon Bedrock; only providers that support every
// parameter sent, that don't retain prompts (zdr) or train on them, sorted by price, capped at a
// maximum price (USD per million tokens).
const routed = await client.chat.send({
  model: "anthropic/claude-3.5-sonnet",
  messages: ask("Hello!"),
  max_tokens: 100,
  provider: {
    order: ["Anthropic", "Amazon Bedrock"],
    allow_fallbacks: true,
    require_parameters: true,
    data_collection: "deny",
    zdr: true,
    sort: "price",
    max_price: { prompt: "5", completion: "20" },
  },
});
console.log(`provider routing → ${routed.model} via ${routed.provider ?? "?"}`);

// The auto router picks a model for the prompt; the response names the model that answered.
const auto = await client.chat.send({
  model: "openrouter/auto",
  messages: ask("What is the capital of France?"),
});
console.log(`auto router → ${auto.model}: ${auto.choices[0]?.message.content}`);

// Context compression: the pinned spec has no `transforms` field; middle-out compression of
// prompts longer than the context window is the `context-compression` plugin.
const compressed = await client.chat.send({
  model: "meta-llama/llama-3.1-8b-instruct",
  messages: ask("Summarise our conversation so far."),
  plugins: [{ id: "context-compression", engine: "middle-out" }],
});
// Usage accounting: the spec has no `usage: { include: true }` request field (and
// `stream_options.include_usage` is deprecated): every response carries `usage`, with `cost` in USD.
const usage = compressed.usage;
console.log(
  `usage: ${usage?.prompt_tokens} prompt + ${usage?.completion_tokens} completion tokens, cost $${costOf(compressed)?.toFixed(8) ?? "n/a"}`,
);

// Vision: an image_url content part (an https URL or a data: URL with base64).
const vision = await client.chat.send({
  model: "openai/gpt-4o-mini",
  messages: [
    {
      role: "user",
      content: [
        { type: "text", text: "What's in this image?" },
        { type: "image_url", image_url: { url: "https://example.com/cat.jpg", detail: "auto" } },
      ],
    },
  ],
});
console.log("vision:", vision.choices[0]?.message.content);

// Files: a PDF as a file content part, parsed by the file-parser plugin.
const pdf = `data:application/pdf;base64,${Buffer.from("%PDF-1.4 mock").toString("base64")}`;
const file = await client.chat.send({
  model: "google/gemini-2.0-flash-001",
  messages: [
    {
      role: "user",
      content: [
        { type: "text", text: "Summarise this document." },
        { type: "file", file: { filename: "report.pdf", file_data: pdf } },
      ],
    },
  ],
  plugins: [{ id: "file-parser", pdf: { engine: "pdf-text" } }],
});
console.log("file input:", file.choices[0]?.message.content);

// JSON mode: `response_format: { type: "json_object" }`, then the answer parsed as JSON.
const { data } = await sendJson(client, {
  model: "openai/gpt-4o-mini",
  messages: ask('List 3 colors as JSON: {"colors": [...]}'),
});
console.log("JSON mode:", JSON.stringify(data));
