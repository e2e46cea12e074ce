import { APIError } from "./api-error.js";
import { ConnectionError } from "./connection-error.js";
import { MissingApiKeyError } from "./missing-api-key-error.js";
import { errorClassName, hasErrorName, OpenRouterError } from "./openrouter-error.js";
import { PathParameterError } from "./path-parameter-error.js";
import { ResponseParseError } from "./response-parse-error.js";
import * as status from "./status-errors.js";
import { TimeoutError } from "./timeout-error.js";
import { ClientClosedError, UserAbortError } from "./user-abort-error.js";

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Builds `isX(e)` for a class: `instanceof` first, then the name brand, so errors thrown by another
 * copy of this package (or another realm) are recognised. The name is read from the class itself,
 * its static `errorName` (or, for classes named with `defineErrorName`, its prototype's `name`).
 */
export function createErrorGuard<C extends ErrorClass>(
  cls: C,
): (e: unknown) => e is InstanceType<C> {
  const name = errorClassName(cls);
  return (e: unknown): e is InstanceType<C> => e instanceof cls || hasErrorName(e, name);
}

// `@__PURE__`: a bundle keeps only the guards it uses (createErrorGuard has no side effects).

/** Any error thrown by this SDK. */
export const isOpenRouterError = /* @__PURE__ */ createErrorGuard(OpenRouterError);
/** The server answered with an error (any status class below). */
export const isAPIError = /* @__PURE__ */ createErrorGuard(APIError);
export const isBadRequestError = /* @__PURE__ */ createErrorGuard(status.BadRequestError);
/** Same check as {@link isBadRequestError}; `InvalidRequestError` is an alias of `BadRequestError`. */
export const isInvalidRequestError = isBadRequestError;
export const isAuthenticationError = /* @__PURE__ */ createErrorGuard(status.AuthenticationError);
export const isPaymentRequiredError = /* @__PURE__ */ createErrorGuard(status.PaymentRequiredError);
export const isPermissionDeniedError = /* @__PURE__ */ createErrorGuard(
  status.PermissionDeniedError,
);
export const isNotFoundError = /* @__PURE__ */ createErrorGuard(status.NotFoundError);
/** Same check as {@link isNotFoundError}; `ModelNotFoundError` is an alias of `NotFoundError`. */
export const isModelNotFoundError = isNotFoundError;
export const isRequestTimeoutError = /* @__PURE__ */ createErrorGuard(status.RequestTimeoutError);
export const isConflictError = /* @__PURE__ */ createErrorGuard(status.ConflictError);
export const isPayloadTooLargeError = /* @__PURE__ */ createErrorGuard(status.PayloadTooLargeError);
export const isUnprocessableEntityError = /* @__PURE__ */ createErrorGuard(
  status.UnprocessableEntityError,
);
export const isRateLimitError = /* @__PURE__ */ createErrorGuard(status.RateLimitError);
export const isInternalServerError = /* @__PURE__ */ createErrorGuard(status.InternalServerError);
export const isBadGatewayError = /* @__PURE__ */ createErrorGuard(status.BadGatewayError);
export const isServiceUnavailableError = /* @__PURE__ */ createErrorGuard(
  status.ServiceUnavailableError,
);
export const isEdgeNetworkTimeoutError = /* @__PURE__ */ createErrorGuard(
  status.EdgeNetworkTimeoutError,
);
export const isProviderOverloadedError = /* @__PURE__ */ createErrorGuard(
  status.ProviderOverloadedError,
);
export const isConnectionError = /* @__PURE__ */ createErrorGuard(ConnectionError);
export const isTimeoutError = /* @__PURE__ */ createErrorGuard(TimeoutError);
export const isUserAbortError = /* @__PURE__ */ createErrorGuard(UserAbortError);
export const isClientClosedError = /* @__PURE__ */ createErrorGuard(ClientClosedError);
export const isMissingApiKeyError = /* @__PURE__ */ createErrorGuard(MissingApiKeyError);
export const isPathParameterError = /* @__PURE__ */ createErrorGuard(PathParameterError);
export const isResponseParseError = /* @__PURE__ */ createErrorGuard(ResponseParseError);
