/**
 * Structured outputs: describe the answer with a zod schema; `sendStructured` sends it as
 * `response_format: { type: "json_schema", … }`, parses the answer and validates it, so `data`
 * is typed (the TypeScript counterpart of Python's `instructor` + `response_model`).
 * Run: `npx tsx structured-output.ts` (OPENROUTER_API_KEY, optionally OPENROUTER_BASE_URL).
 */
import { z } from "zod";
import { OpenRouter, StructuredOutputError, sendStructured } from "@orkit/openrouter";

await using client = new OpenRouter({ appTitle: "orkit examples" });

const User = z.object({
  name: z.string(),
  age: z.number().int().min(0),
  email: z.email(),
});

try {
  const { data, completion } = await sendStructured(client, {
    model: "openai/gpt-4o-mini",
    messages: [
      { role: "user", content: "Extract: Jason is 25 years old, email: jason@example.com" },
    ],
    schema: User,
    name: "user", // json_schema.name; strict: true by default
  });
  // data: { name: string; age: number; email: string }
  console.log(`user: ${data.name}, ${data.age}, ${data.email}`);
  console.log("model:", completion.model);
} catch (error) {
  // Not JSON, or JSON the schema rejects: the raw text and the issues are on the error.
  if (error instanceof StructuredOutputError)
    console.error(error.reason, error.rawText, error.issues);
  throw error;
}
