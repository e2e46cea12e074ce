// orkit, umbrella package: new OpenRouter() from @orkit/openrouter.
import { OpenRouter } from "@orkit/openrouter";

const client = new OpenRouter({ apiKey: "sk-or-..." });

const completion = await client.chat.send({
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user", content: "Hello!" }],
});
const text = completion.choices[0].message.content;
console.log(text);

const stream = await client.chat.send({
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user", content: "Hello!" }],
  stream: true,
});
for await (const chunk of stream) {
  const delta = chunk.choices[0]?.delta?.content;
  if (delta) console.log(delta);
}
