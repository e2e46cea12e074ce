// A CommonJS consumer (this scratch project's package.json says "type": "commonjs"). The packages
// are ESM-only; Node ≥ 20.19 / 22.12 loads them with require() (require(esm)), no flag, no
// dynamic import(). OPENROUTER_API_KEY and OPENROUTER_BASE_URL point at the loopback server.
"use strict";
const assert = require("node:assert/strict");
const { OpenRouter, OpenRouterError: UmbrellaError } = require("@orkit/openrouter");
const { createClient, OpenRouterError, AuthenticationError } = require("@orkit/openrouter-core");
const { chatSend } = require("@orkit/openrouter-chat");

assert.equal(typeof OpenRouter, "function");
assert.equal(typeof chatSend, "function");
// one module instance: no dual-package hazard between require() and import()
assert.equal(UmbrellaError, OpenRouterError);
assert.equal(require("@orkit/openrouter-chat/package.json").type, "module");

async function main() {
  const viaImport = await import("@orkit/openrouter-core");
  assert.equal(viaImport.OpenRouterError, OpenRouterError);

  const client = new OpenRouter({ appTitle: "orkit smoke test (cjs)" });
  const completion = await client.chat.send({
    model: "openai/gpt-4o-mini",
    messages: [{ role: "user", content: "What is the capital of France?" }],
  });
  assert.equal(completion.choices[0].message.content, "echo: What is the capital of France?");

  const small = createClient();
  const again = await chatSend(small, {
    model: "openai/gpt-4o-mini",
    messages: [{ role: "user", content: "From CommonJS?" }],
  });
  assert.equal(again.choices[0].message.content, "echo: From CommonJS?");

  const failed = await chatSend(small, { model: "smoke/unauthorized", messages: [] }).then(
    () => undefined,
    (e) => e,
  );
  assert.ok(failed instanceof AuthenticationError, `expected AuthenticationError, got ${failed}`);
  console.log(
    `cjs ok on node ${process.version}: require() of @orkit/openrouter, -core, -chat; chat.send, chatSend, typed error`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
