/** Hand-written helpers on top of the generated operations. */
export {
  accumulateChatStream,
  createChatAccumulator,
  type AccumulatedChatChoice,
  type AccumulatedChatCompletion,
  type ChatAccumulator,
} from "./accumulate-chat-stream.js";
