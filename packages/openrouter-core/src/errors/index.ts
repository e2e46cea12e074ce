export { APIError, type APIErrorInit } from "./api-error.js";
export { ConnectionError } from "./connection-error.js";
export { createAPIError, type ErrorSource } from "./create-api-error.js";
export * from "./guards.js";
export { MissingApiKeyError } from "./missing-api-key-error.js";
export { defineErrorName, ERROR_BRAND, OpenRouterError } from "./openrouter-error.js";
export { PathParameterError } from "./path-parameter-error.js";
export { ResponseParseError } from "./response-parse-error.js";
export {
  AuthenticationError,
  BadGatewayError,
  BadRequestError,
  BadRequestError as InvalidRequestError,
  ConflictError,
  EdgeNetworkTimeoutError,
  InternalServerError,
  NotFoundError,
  NotFoundError as ModelNotFoundError,
  PayloadTooLargeError,
  PaymentRequiredError,
  PermissionDeniedError,
  ProviderOverloadedError,
  RateLimitError,
  RequestTimeoutError,
  ServiceUnavailableError,
  UnprocessableEntityError,
  errorClassForStatus,
  STATUS_ERRORS,
  type APIErrorClass,
  type ModerationDetails,
  type StatusError,
  type StatusErrorClass,
} from "./status-errors.js";
export { TimeoutError } from "./timeout-error.js";
export { ClientClosedError, UserAbortError } from "./user-abort-error.js";
