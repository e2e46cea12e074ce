/**
 * Model fallbacks: `sendWithFallback` tries the primary model and, when it fails with a
 * fallback-worthy error (429, 5xx, timeouts, …), the cheapest other models of the same modality
 * (strategy "cost", picked from the live /models prices). Then price the answer with `calculateCost`.
 * Run: `npx tsx fallback-by-cost.ts` (OPENROUTER_API_KEY, optionally OPENROUTER_BASE_URL, PRIMARY_MODEL).
 * Against the local mock, `openai/gpt-4o` always answers 503, so the fallbacks are exercised.
 */
import { OpenRouter } from "@orkit/openrouter";

await using client = new OpenRouter({ appTitle: "orkit examples" });
const primary = process.env.PRIMARY_MODEL ?? "openai/gpt-4o";
const messages = [{ role: "user" as const, content: "What is the capital of France?" }];

// What the "cost" strategy would pick (cached /models, cheapest first).
console.log("cheapest alternatives:", await client.chooseFallbacks(primary, "cost", { limit: 3 }));

// Client-side fallback: one request per model until one succeeds.
const completion = await client.chat.sendWithFallback({
  model: primary,
  messages,
  fallback: {
    strategy: "cost",
    limit: 3,
    maxRetriesPerModel: 0, // fall over at once instead of retrying the failing model
    onFallback: ({ from, to, error, attempt }) =>
      console.log(
        `fallback: ${from} → ${to} (attempt ${attempt} failed: ${(error as Error).name})`,
      ),
  },
});
console.log(`answered by ${completion.model}:`, completion.choices[0]?.message.content);

// The exact cost from the model's published prices (decimal strings, no float drift), and the
// cost OpenRouter itself reported in `usage.cost`.
const cost = await client.calculateCost(completion.model, completion.usage!);
console.log(`cost: $${cost.total} estimated, $${cost.reported ?? "n/a"} reported`);

// Native fallback: OpenRouter tries `models` in order inside one request.
const native = await client.chat.sendWithFallback({
  model: primary,
  fallbackModels: ["anthropic/claude-3.5-haiku", "openai/gpt-4o-mini"],
  messages,
});
console.log(`native fallback answered by ${native.model}`);
