import { OpenRouterResources } from "./client.gen.js";

/**
 * The OpenRouter API client: every resource as a namespace (`client.chat.send(…)`,
 * `client.models.list()`, `client.beta.responses.send(…)`), on the core runtime (auth, retries,
 * timeouts, streaming, typed errors). Hand-written so helpers can extend the generated namespaces.
 *
 * @example
 * ```ts
 * await using client = new OpenRouter({ appTitle: "My app" }); // reads OPENROUTER_API_KEY
 * const completion = await client.chat.send({
 *   model: "openai/gpt-4o-mini",
 *   messages: [{ role: "user", content: "Hi" }],
 * });
 * ```
 */
export class OpenRouter extends OpenRouterResources {}
