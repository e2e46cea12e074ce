/**
 * Tool calling: a typed `get_weather` tool (arguments validated by a zod schema) and `runTools`,
 * which sends the request, runs every tool call the model makes, sends the results back and
 * repeats until the model answers in text.
 * Run: `npx tsx tool-runner.ts` (OPENROUTER_API_KEY, optionally OPENROUTER_BASE_URL).
 */
import { z } from "zod";
import { OpenRouter, defineTool, runTools } from "@orkit/openrouter";

await using client = new OpenRouter({ appTitle: "orkit examples" });

const getWeather = defineTool({
  name: "get_weather",
  description: "Get the current weather in a city",
  parameters: z.object({
    city: z.string().describe("City name, e.g. Paris"),
    unit: z.enum(["celsius", "fahrenheit"]).optional(),
  }),
  // `city` and `unit` are typed from the schema; bad arguments go back to the model as an error.
  execute: async ({ city, unit = "celsius" }) => ({
    city,
    temperature: unit === "celsius" ? 22 : 72,
    unit,
    condition: "sunny",
  }),
});

const { completion, messages, turns } = await runTools(client, {
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user", content: "What's the weather like in Paris and Tokyo?" }],
  tools: [getWeather],
  maxTurns: 5, // MaxTurnsExceededError after 5 model requests that all asked for tools
  onEvent: (event) => {
    if (event.type === "tool.call") {
      console.log(`tool call: ${event.toolCall.function.name}(${JSON.stringify(event.args)})`);
    }
  },
});
console.log(`answer after ${turns} turns:`, completion.choices[0]?.message.content);
console.log("transcript:", messages.map((m) => m.role).join(" → "));

// The same loop with every model request streamed; text arrives as `text.delta` events.
process.stdout.write("streamed answer: ");
await runTools(client, {
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user", content: "And in London, in fahrenheit?" }],
  tools: [getWeather],
  stream: true,
  onEvent: (event) => {
    if (event.type === "text.delta") process.stdout.write(event.delta);
  },
});
process.stdout.write("\n");
