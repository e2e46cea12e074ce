export { ChatWithFallbackResource } from "./chat-resource.js";
export {
  sendWithFallback,
  type ClientFallbackOptions,
  type FallbackEvent,
  type SendWithFallbackParams,
} from "./send-with-fallback.js";
export { isDefaultFallbackError } from "./should-fallback.js";
export {
  chooseFallbacks,
  type ChooseFallbacksOptions,
  type FallbackStrategy,
} from "./strategies.js";
