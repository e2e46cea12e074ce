// The official SDK, @openrouter/sdk. chat.send takes { chatRequest } and returns ChatResult | EventStream
// for both overloads, so the program narrows before reading choices / iterating.
import { OpenRouter } from "@openrouter/sdk";

const openRouter = new OpenRouter({ apiKey: "sk-or-..." });

const completion = await openRouter.chat.send({
  chatRequest: {
    model: "openai/gpt-4o-mini",
    messages: [{ role: "user", content: "Hello!" }],
  },
});
if (!("choices" in completion)) throw new Error("expected a non-streaming result");
const text = completion.choices[0].message.content;
console.log(text);

const stream = await openRouter.chat.send({
  chatRequest: {
    model: "openai/gpt-4o-mini",
    messages: [{ role: "user", content: "Hello!" }],
    stream: true,
  },
});
if ("choices" in stream) throw new Error("expected a stream");
for await (const chunk of stream) {
  const delta = chunk.choices[0]?.delta?.content;
  if (delta) console.log(delta);
}
