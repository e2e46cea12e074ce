export {
  createModelCache,
  DEFAULT_MODEL_CACHE_TTL_MS,
  defaultModelCache,
  type ModelCache,
  type ModelCacheOptions,
  type ModelEndpoint,
  type ModelInfo,
} from "./cache.js";
export {
  getModelInfo,
  getModelsByProvider,
  listModels,
  searchModels,
  type ModelLookupOptions,
} from "./search.js";
