/** Hand-written helpers on top of the generated operations. */
export {
  accumulateChatStream,
  createChatAccumulator,
  type AccumulatedChatChoice,
  type AccumulatedChatCompletion,
  type ChatAccumulator,
} from "./accumulate-chat-stream.js";
export * from "./models/index.js";
export * from "./fallback/index.js";
export * from "./cost/index.js";
export {
  getAccountInfo,
  getRateLimits,
  type AccountInfo,
  type KeyMetadata,
  type RateLimits,
} from "./account/index.js";
export * from "./oauth/index.js";
export * from "./tools/index.js";
export * from "./structured/index.js";
export * from "./videos/index.js";
export * from "./pagination/index.js";
