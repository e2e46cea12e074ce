import { APIError } from "./api-error.js";
import { ConnectionError } from "./connection-error.js";
import { MissingApiKeyError } from "./missing-api-key-error.js";
import { hasErrorName, OpenRouterError } from "./openrouter-error.js";
import { PathParameterError } from "./path-parameter-error.js";
import { ResponseParseError } from "./response-parse-error.js";
import * as status from "./status-errors.js";
import { TimeoutError } from "./timeout-error.js";
import { ClientClosedError, UserAbortError } from "./user-abort-error.js";

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Builds `isX(e)` for a class: `instanceof` first, then the name brand, so errors thrown by another
 * copy of this package (or another realm) are recognised. The name is read from the class itself,
 * set once by the status table or the class's module.
 */
export function createErrorGuard<C extends ErrorClass>(
  cls: C,
): (e: unknown) => e is InstanceType<C> {
  const name = (cls.prototype as Error).name;
  return (e: unknown): e is InstanceType<C> => e instanceof cls || hasErrorName(e, name);
}

/** Any error thrown by this SDK. */
export const isOpenRouterError = createErrorGuard(OpenRouterError);
/** The server answered with an error (any status class below). */
export const isAPIError = createErrorGuard(APIError);
export const isBadRequestError = createErrorGuard(status.BadRequestError);
/** Same check as {@link isBadRequestError}; `InvalidRequestError` is an alias of `BadRequestError`. */
export const isInvalidRequestError = isBadRequestError;
export const isAuthenticationError = createErrorGuard(status.AuthenticationError);
export const isPaymentRequiredError = createErrorGuard(status.PaymentRequiredError);
export const isPermissionDeniedError = createErrorGuard(status.PermissionDeniedError);
export const isNotFoundError = createErrorGuard(status.NotFoundError);
/** Same check as {@link isNotFoundError}; `ModelNotFoundError` is an alias of `NotFoundError`. */
export const isModelNotFoundError = isNotFoundError;
export const isRequestTimeoutError = createErrorGuard(status.RequestTimeoutError);
export const isConflictError = createErrorGuard(status.ConflictError);
export const isPayloadTooLargeError = createErrorGuard(status.PayloadTooLargeError);
export const isUnprocessableEntityError = createErrorGuard(status.UnprocessableEntityError);
export const isRateLimitError = createErrorGuard(status.RateLimitError);
export const isInternalServerError = createErrorGuard(status.InternalServerError);
export const isBadGatewayError = createErrorGuard(status.BadGatewayError);
export const isServiceUnavailableError = createErrorGuard(status.ServiceUnavailableError);
export const isEdgeNetworkTimeoutError = createErrorGuard(status.EdgeNetworkTimeoutError);
export const isProviderOverloadedError = createErrorGuard(status.ProviderOverloadedError);
export const isConnectionError = createErrorGuard(ConnectionError);
export const isTimeoutError = createErrorGuard(TimeoutError);
export const isUserAbortError = createErrorGuard(UserAbortError);
export const isClientClosedError = createErrorGuard(ClientClosedError);
export const isMissingApiKeyError = createErrorGuard(MissingApiKeyError);
export const isPathParameterError = createErrorGuard(PathParameterError);
export const isResponseParseError = createErrorGuard(ResponseParseError);
