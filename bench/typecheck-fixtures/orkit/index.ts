// orkit, per-resource packages: createClient from @orkit/openrouter-core, chatSend from @orkit/openrouter-chat.
import { createClient } from "@orkit/openrouter-core";
import { chatSend } from "@orkit/openrouter-chat";

const client = createClient({ apiKey: "sk-or-..." });

const completion = await chatSend(client, {
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user", content: "Hello!" }],
});
const text = completion.choices[0].message.content;
console.log(text);

const stream = await chatSend(client, {
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user", content: "Hello!" }],
  stream: true,
});
for await (const chunk of stream) {
  const delta = chunk.choices[0]?.delta?.content;
  if (delta) console.log(delta);
}
