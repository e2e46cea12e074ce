/**
 * Quick start: one chat completion with the umbrella client, then the same call through the
 * tree-shakable standalone function. Run: `pnpm quickstart` (uses a local mock without a key).
 */
import { OpenRouter } from "@orkit/openrouter";
import { createClient } from "@orkit/openrouter-core";
import { chatSend } from "@orkit/openrouter-chat";

await using client = new OpenRouter({ appTitle: "orkit quick start" }); // reads OPENROUTER_API_KEY

const completion = await client.chat.send({
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user", content: "What is the capital of France?" }],
});
console.log("client.chat.send →", completion.choices[0]?.message.content);
console.log("usage:", completion.usage);

// The same call with only @orkit/openrouter-core + @orkit/openrouter-chat installed:
const small = createClient();
const again = await chatSend(small, {
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user", content: "And of Italy?" }],
});
console.log("chatSend →", again.choices[0]?.message.content);
