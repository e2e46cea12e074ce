import { requestIdOf } from "./internal/request-id.js";

/** A successful call's data with the raw HTTP response. */
export interface WithResponse<T> {
  data: T;
  /** The raw response: status and headers (`X-Generation-Id`, `X-RateLimit-*`, …). Its body is consumed unless `data` is the Response or a Stream. */
  response: Response;
  /** `x-request-id` or `x-generation-id`, when the server sent one. */
  requestId: string | undefined;
}

/** What the client hands the promise: the 2xx response, and how to turn it into data. */
export interface RawResult<T> {
  response: Response;
  parse(): Promise<T>;
}

/**
 * The result of every call: a `Promise` of the parsed data, plus escape hatches to the raw response.
 * The request starts immediately; the body is read on the first `await`/`then`.
 *
 * @example
 * ```ts
 * const { data, response } = await chat.send(client, body).withResponse();
 * console.log(response.headers.get("x-generation-id"));
 * ```
 */
export class APIPromise<T> extends Promise<T> {
  // Plain (not `#private`/`private`) members, hidden from the .d.ts by `stripInternal`: private
  // members make a class nominal, and then the APIPromise of one copy of core would not be
  // assignable to another copy's, breaking the structural `Client` contract.
  /** @internal */
  declare readonly _raw: Promise<RawResult<T>>;
  /** @internal The parsed data; set by the first `then` or `withResponse()`, so the body is read once. */
  declare _parsing: Promise<T> | undefined;

  constructor(raw: Promise<RawResult<T>>) {
    // The base promise is a placeholder that never settles (nothing observes it): `then`/`catch`/
    // `finally` below delegate to the real work, which lets `asResponse()` skip reading the body.
    super(() => {});
    this._raw = raw;
  }

  // `then` on a subclass would otherwise construct an APIPromise without the private state.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The raw `Response` with its body unread. Errors (non-2xx) still throw. Don't also await the data. */
  asResponse(): Promise<Response> {
    return this._raw.then((raw) => raw.response);
  }

  /** The parsed data together with the raw `Response` and request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this._raw.then(async ({ response }) => ({
      data: await this,
      response,
      requestId: requestIdOf(response.headers) ?? undefined,
    }));
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return (this._parsing ??= this._raw.then((raw) => raw.parse())).then(onfulfilled, onrejected);
  }

  // `catch` and `finally` are inherited: Promise.prototype.catch and .finally call `this.then`.
}
