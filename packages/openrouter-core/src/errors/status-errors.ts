import { APIError, type APIErrorInit } from "./api-error.js";
import { defineErrorName } from "./openrouter-error.js";

/**
 * An instance of a status class. Its `name` (the class's public name) tells the classes apart, at
 * run time and for TypeScript's narrowing: `if (e instanceof RateLimitError) … else …` keeps the
 * other statuses in the `else` branch.
 */
export type StatusError<N extends string> = APIError & { readonly name: N };

/** A class built by the status-error factory: an {@link APIError} subclass named `N`. */
export interface StatusErrorClass<N extends string, Extra = unknown> {
  new (message: string, init: APIErrorInit): StatusError<N> & Extra;
  readonly prototype: StatusError<N> & Extra;
  readonly errorName: N;
}

/** Moderation details of a {@link PermissionDeniedError}. */
export interface ModerationDetails {
  /** Why moderation flagged the input; empty when the 403 was not a moderation decision. */
  readonly reasons: string[];
  /** The (possibly truncated) input moderation flagged, when sent. */
  readonly flaggedInput: string | undefined;
}

/** What the error factory constructs: `APIError` or one of its status classes. */
export type APIErrorClass = new (message: string, init: APIErrorInit) => APIError;

/** Every status class, in the order declared: `[status, class, public name]`. */
export const STATUS_ERRORS: Array<readonly [status: number, cls: APIErrorClass, name: string]> = [];

/**
 * The one factory of status classes: an `APIError` subclass named `name`, registered for `status`
 * (so the error factory picks it), optionally with fields computed from the error's init.
 */
function statusError<N extends string, Extra = unknown>(
  name: N,
  status: number,
  extra?: (init: APIErrorInit) => Extra,
): StatusErrorClass<N, Extra> {
  const cls = class extends APIError {
    constructor(message: string, init: APIErrorInit) {
      super(message, init);
      Object.assign(this, extra?.(init));
    }
  };
  defineErrorName(cls, name);
  STATUS_ERRORS.push([status, cls, name]);
  return cls as unknown as StatusErrorClass<N, Extra>;
}

// One class per status OpenRouter documents; adding a status is one line. Each is a value (the
// class) and a type (its instances) of the same name.

/** 400: invalid or missing parameters, or a prompt the model cannot take. Alias: `InvalidRequestError`. */
export const BadRequestError = statusError("BadRequestError", 400);
export type BadRequestError = InstanceType<typeof BadRequestError>;
/** 401: the API key is missing, invalid, disabled, or expired. */
export const AuthenticationError = statusError("AuthenticationError", 401);
export type AuthenticationError = InstanceType<typeof AuthenticationError>;
/** 402: the account or key is out of credits; add credits and retry. */
export const PaymentRequiredError = statusError("PaymentRequiredError", 402);
export type PaymentRequiredError = InstanceType<typeof PaymentRequiredError>;
/**
 * 403: the key may not do this, or moderation/a guardrail flagged the input. For moderation,
 * `reasons` and `flaggedInput` come from `metadata.reasons` and `metadata.flagged_input`.
 */
export const PermissionDeniedError = statusError(
  "PermissionDeniedError",
  403,
  ({ metadata }): ModerationDetails => ({
    // Strings only; a lone string counts as one reason.
    reasons: [metadata?.["reasons"]].flat().filter((r) => typeof r === "string"),
    flaggedInput: [metadata?.["flagged_input"]].find((f) => typeof f === "string"),
  }),
);
export type PermissionDeniedError = InstanceType<typeof PermissionDeniedError>;
/** 404: unknown model, route, or resource. Alias: `ModelNotFoundError`. */
export const NotFoundError = statusError("NotFoundError", 404);
export type NotFoundError = InstanceType<typeof NotFoundError>;
/** 408: the server gave up waiting for the request. Retried by default. */
export const RequestTimeoutError = statusError("RequestTimeoutError", 408);
export type RequestTimeoutError = InstanceType<typeof RequestTimeoutError>;
/** 409: the resource changed concurrently. Retried by default. */
export const ConflictError = statusError("ConflictError", 409);
export type ConflictError = InstanceType<typeof ConflictError>;
/** 413: the request body is too large. */
export const PayloadTooLargeError = statusError("PayloadTooLargeError", 413);
export type PayloadTooLargeError = InstanceType<typeof PayloadTooLargeError>;
/** 422: the request was well-formed but semantically invalid. */
export const UnprocessableEntityError = statusError("UnprocessableEntityError", 422);
export type UnprocessableEntityError = InstanceType<typeof UnprocessableEntityError>;
/** 429: rate limited. Retried by default, honouring `Retry-After` and `X-RateLimit-Reset`. */
export const RateLimitError = statusError("RateLimitError", 429);
export type RateLimitError = InstanceType<typeof RateLimitError>;
/** 500, and any 5xx without a class of its own. Retried by default. */
export const InternalServerError = statusError("InternalServerError", 500);
export type InternalServerError = InstanceType<typeof InternalServerError>;
/** 502: the chosen model is down or returned an invalid response. Retried by default. */
export const BadGatewayError = statusError("BadGatewayError", 502);
export type BadGatewayError = InstanceType<typeof BadGatewayError>;
/** 503: no provider currently meets the routing requirements. Retried by default. */
export const ServiceUnavailableError = statusError("ServiceUnavailableError", 503);
export type ServiceUnavailableError = InstanceType<typeof ServiceUnavailableError>;
/** 524: Cloudflare's edge timed out waiting for the origin. Retried by default. */
export const EdgeNetworkTimeoutError = statusError("EdgeNetworkTimeoutError", 524);
export type EdgeNetworkTimeoutError = InstanceType<typeof EdgeNetworkTimeoutError>;
/** 529: the upstream provider is overloaded. Retried by default. */
export const ProviderOverloadedError = statusError("ProviderOverloadedError", 529);
export type ProviderOverloadedError = InstanceType<typeof ProviderOverloadedError>;

/** The class for an HTTP status: its own class, `InternalServerError` for other 5xx, else `APIError`. */
export function errorClassForStatus(status: number): APIErrorClass {
  return (
    STATUS_ERRORS.find(([known]) => known === status)?.[1] ??
    (status >= 500 && status <= 599 ? InternalServerError : APIError)
  );
}
