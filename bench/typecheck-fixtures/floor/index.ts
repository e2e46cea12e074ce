// The floor: the same chat program with plain fetch and a hand-written request/response shape.
interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}
interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
}
interface ChatResponse {
  id: string;
  choices: { index: number; message: { role: string; content: string | null } }[];
}
interface ChatChunk {
  id: string;
  choices: { index: number; delta: { role?: string; content?: string | null } }[];
}

const apiKey = "sk-or-...";
const baseURL = "https://openrouter.ai/api/v1";

async function post(body: ChatRequest): Promise<Response> {
  const res = await fetch(`${baseURL}/chat/completions`, {
    method: "POST",
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`OpenRouter ${res.status}: ${await res.text()}`);
  return res;
}

async function* chunks(res: Response): AsyncGenerator<ChatChunk> {
  if (!res.body) return;
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!line.startsWith("data:")) continue;
      const data = line.slice(5).trim();
      if (data === "[DONE]") return;
      yield JSON.parse(data) as ChatChunk;
    }
  }
}

const completion = (await (
  await post({ model: "openai/gpt-4o-mini", messages: [{ role: "user", content: "Hello!" }] })
).json()) as ChatResponse;
const text: string | null = completion.choices[0].message.content;
console.log(text);

const stream = chunks(
  await post({
    model: "openai/gpt-4o-mini",
    messages: [{ role: "user", content: "Hello!" }],
    stream: true,
  }),
);
for await (const chunk of stream) {
  const delta: string | null | undefined = chunk.choices[0]?.delta?.content;
  if (delta) console.log(delta);
}
