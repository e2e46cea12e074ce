// openai, pointed at OpenRouter through baseURL.
import OpenAI from "openai";

const client = new OpenAI({ baseURL: "https://openrouter.ai/api/v1", apiKey: "sk-or-..." });

const completion = await client.chat.completions.create({
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user", content: "Hello!" }],
});
const text = completion.choices[0].message.content;
console.log(text);

const stream = await client.chat.completions.create({
  model: "openai/gpt-4o-mini",
  messages: [{ role: "user", content: "Hello!" }],
  stream: true,
});
for await (const chunk of stream) {
  const delta = chunk.choices[0]?.delta?.content;
  if (delta) console.log(delta);
}
