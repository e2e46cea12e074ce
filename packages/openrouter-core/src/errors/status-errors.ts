import { APIError, type APIErrorInit } from "./api-error.js";
import { defineErrorName } from "./openrouter-error.js";

// One class per status OpenRouter documents. Bodies are empty on purpose: the table at the bottom
// names them and maps statuses to them, so adding a status is one class line plus one table row.
// (Naming them from the table is a module side effect, so bundlers keep every class here; the
// error factory needs the table anyway.)

/** 400: invalid or missing parameters, or a prompt the model cannot take. Alias: `InvalidRequestError`. */
export class BadRequestError extends APIError {}
/** 401: the API key is missing, invalid, disabled, or expired. */
export class AuthenticationError extends APIError {}
/** 402: the account or key is out of credits; add credits and retry. */
export class PaymentRequiredError extends APIError {}

/**
 * 403: the key may not do this, or moderation/a guardrail flagged the input. For moderation,
 * `reasons` and `flaggedInput` come from `metadata.reasons` and `metadata.flagged_input`.
 */
export class PermissionDeniedError extends APIError {
  /** Why moderation flagged the input; empty when the 403 was not a moderation decision. */
  declare readonly reasons: string[];
  /** The (possibly truncated) input moderation flagged, when sent. */
  declare readonly flaggedInput: string | undefined;

  constructor(message: string, init: APIErrorInit) {
    super(message, init);
    const reasons = init.metadata?.["reasons"];
    const flagged = init.metadata?.["flagged_input"];
    this.reasons = Array.isArray(reasons)
      ? reasons.filter((r): r is string => typeof r === "string")
      : [];
    this.flaggedInput = typeof flagged === "string" ? flagged : undefined;
  }
}

/** 404: unknown model, route, or resource. Alias: `ModelNotFoundError`. */
export class NotFoundError extends APIError {}
/** 408: the server gave up waiting for the request. Retried by default. */
export class RequestTimeoutError extends APIError {}
/** 409: the resource changed concurrently. Retried by default. */
export class ConflictError extends APIError {}
/** 413: the request body is too large. */
export class PayloadTooLargeError extends APIError {}
/** 422: the request was well-formed but semantically invalid. */
export class UnprocessableEntityError extends APIError {}
/** 429: rate limited. Retried by default, honouring `Retry-After` and `X-RateLimit-Reset`. */
export class RateLimitError extends APIError {}
/** 500, and any 5xx without a class of its own. Retried by default. */
export class InternalServerError extends APIError {}
/** 502: the chosen model is down or returned an invalid response. Retried by default. */
export class BadGatewayError extends APIError {}
/** 503: no provider currently meets the routing requirements. Retried by default. */
export class ServiceUnavailableError extends APIError {}
/** 524: Cloudflare's edge timed out waiting for the origin. Retried by default. */
export class EdgeNetworkTimeoutError extends APIError {}
/** 529: the upstream provider is overloaded. Retried by default. */
export class ProviderOverloadedError extends APIError {}

/** The one table: status → class → public name. Guards and the error factory derive from it. */
export const STATUS_ERRORS = [
  [400, BadRequestError, "BadRequestError"],
  [401, AuthenticationError, "AuthenticationError"],
  [402, PaymentRequiredError, "PaymentRequiredError"],
  [403, PermissionDeniedError, "PermissionDeniedError"],
  [404, NotFoundError, "NotFoundError"],
  [408, RequestTimeoutError, "RequestTimeoutError"],
  [409, ConflictError, "ConflictError"],
  [413, PayloadTooLargeError, "PayloadTooLargeError"],
  [422, UnprocessableEntityError, "UnprocessableEntityError"],
  [429, RateLimitError, "RateLimitError"],
  [500, InternalServerError, "InternalServerError"],
  [502, BadGatewayError, "BadGatewayError"],
  [503, ServiceUnavailableError, "ServiceUnavailableError"],
  [524, EdgeNetworkTimeoutError, "EdgeNetworkTimeoutError"],
  [529, ProviderOverloadedError, "ProviderOverloadedError"],
] as const;

const byStatus = new Map<number, typeof APIError>();
for (const [status, cls, name] of STATUS_ERRORS) {
  defineErrorName(cls, name);
  byStatus.set(status, cls);
}

/** The class for an HTTP status: its own class, `InternalServerError` for other 5xx, else `APIError`. */
export function errorClassForStatus(status: number): typeof APIError {
  return byStatus.get(status) ?? (status >= 500 && status <= 599 ? InternalServerError : APIError);
}
