// The README's quick start, as an ES module of a project that installed the packed tarballs:
// the umbrella client (JSON and streaming), then the standalone functions of the small packages.
// OPENROUTER_API_KEY and OPENROUTER_BASE_URL point at the smoke test's loopback server.
import assert from "node:assert/strict";
import { OpenRouter, AuthenticationError } from "@orkit/openrouter";
import { createClient, OpenRouterError } from "@orkit/openrouter-core";
import { chatSend } from "@orkit/openrouter-chat";
import { modelsList } from "@orkit/openrouter-models";

const client = new OpenRouter({ appTitle: "orkit smoke test" }); // reads OPENROUTER_API_KEY
try {
  const completion = await client.chat.send({
    model: "openai/gpt-4o-mini",
    messages: [{ role: "user", content: "What is the capital of France?" }],
  });
  assert.equal(completion.choices[0]?.message.content, "echo: What is the capital of France?");

  const stream = await client.chat.send({
    model: "openai/gpt-4o-mini",
    messages: [{ role: "user", content: "Hi" }],
    stream: true,
  });
  let text = "";
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
  assert.equal(text, "Paris");

  // the same call with only @orkit/openrouter-core + @orkit/openrouter-chat
  const small = createClient();
  const again = await chatSend(small, {
    model: "openai/gpt-4o-mini",
    messages: [{ role: "user", content: "And of Italy?" }],
  });
  assert.equal(again.choices[0]?.message.content, "echo: And of Italy?");

  const models = await modelsList(small);
  assert.equal(models.data[0]?.id, "openai/gpt-4o-mini");

  // typed errors: one class identity across the umbrella and the core
  const failed = await chatSend(small, { model: "smoke/unauthorized", messages: [] }).then(
    () => undefined,
    (e) => e,
  );
  assert.ok(failed instanceof AuthenticationError, `expected AuthenticationError, got ${failed}`);
  assert.ok(failed instanceof OpenRouterError);
} finally {
  if (Symbol.asyncDispose && typeof client[Symbol.asyncDispose] === "function") {
    await client[Symbol.asyncDispose](); // what `await using client = …` does
  }
}
console.log(
  `esm ok on node ${process.version}: umbrella chat.send (json + stream), chatSend, modelsList, typed error`,
);
