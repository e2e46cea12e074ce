/**
 * `@orkit/openrouter`: the whole OpenRouter API behind one client.
 *
 * - `OpenRouter` (`client.ts`, over the generated `OpenRouterResources`) has one namespace per
 *   resource: `client.chat.send(…)`, `client.models.list()`, `client.beta.responses.send(…)`.
 * - Every standalone function (`chatSend`, `modelsList`, …) and operation type is re-exported
 *   from `exports.gen.ts`, for code that wants to tree-shake.
 * - The runtime (`createClient`, errors, `Stream`, `parseRateLimitHeaders`, …) is re-exported
 *   from `@orkit/openrouter-core`, so one import serves everything.
 */
export * from "@orkit/openrouter-core";
export * from "./client.gen.js";
export { OpenRouter } from "./client.js";
export * from "./exports.gen.js";
export * from "./helpers/index.js";
