/**
 * Streaming: print a chat completion to stdout as it is generated, and rebuild the whole
 * completion (text, finish reason, usage) from the same chunks.
 * Run: `npx tsx streaming.ts` (OPENROUTER_API_KEY, optionally OPENROUTER_BASE_URL).
 */
import { OpenRouter, accumulateChatStream, createChatAccumulator } from "@orkit/openrouter";

await using client = new OpenRouter({ appTitle: "orkit examples" }); // reads OPENROUTER_API_KEY

// `stream: true` makes `send` resolve to a Stream of chunks (an async iterable).
const stream = await client.chat.send({
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user", content: "Count to 5, slowly." }],
  stream: true,
});

// Print each delta and fold it into an accumulator in the same loop (a Stream is read once).
const accumulator = createChatAccumulator();
process.stdout.write("streamed: ");
for await (const chunk of stream) {
  accumulator.push(chunk);
  process.stdout.write(chunk.choices[0]?.delta.content ?? "");
}
process.stdout.write("\n");

// The accumulated completion has the shape of a non-streaming `chat.send` result.
const completion = accumulator.result();
console.log("accumulated:", completion.choices[0]?.message.content);
console.log(
  "finish_reason:",
  completion.choices[0]?.finish_reason,
  `(${accumulator.chunks} chunks)`,
);
console.log("usage:", completion.usage?.total_tokens, "tokens, cost $", completion.usage?.cost);
console.log("generation id:", stream.response.headers.get("x-generation-id") ?? completion.id);

// When you don't need the deltas, one call streams and accumulates.
const whole = await accumulateChatStream(
  client.chat.send({
    model: "openai/gpt-4o-mini",
    messages: [{ role: "user", content: "Write a haiku about streams." }],
    stream: true,
  }),
);
console.log("accumulateChatStream:", whole.choices[0]?.message.content);
