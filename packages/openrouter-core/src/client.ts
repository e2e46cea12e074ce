import { APIPromise } from "./api-promise.js";
import { ClientClosedError } from "./errors/user-abort-error.js";
import {
  mergeOptions,
  resolveOptions,
  type ClientOptions,
  type RequestOptions,
  type ResolvedOptions,
} from "./options.js";
import { sendRequest } from "./request.js";
import type { Client, OperationRequest } from "./types.js";

declare global {
  // Declared here too (as @types/node does) so the emitted .d.ts type-checks for consumers whose
  // `lib` predates esnext.disposable; identical redeclarations merge.
  interface SymbolConstructor {
    readonly asyncDispose: unique symbol;
  }
}

/**
 * `Symbol.asyncDispose`, or the registry symbol polyfills install on runtimes that predate it, so
 * `await using client = createClient()` works wherever the syntax compiles.
 */
const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);

/**
 * The OpenRouter client: configuration plus `request()`, which generated operation functions call.
 * Subclass it to add resource namespaces (the umbrella package does); subclasses should keep the
 * `(options)` constructor, because `withOptions` constructs `this.constructor`.
 *
 * @example
 * ```ts
 * const client = new OpenRouterClient({ apiKey: process.env.OPENROUTER_API_KEY, appTitle: "My App" });
 * const models = await client.request<ModelsList>({
 *   operationId: "getModels", method: "GET", path: "/models", response: "json",
 * });
 * ```
 */
export class OpenRouterClient implements Client {
  /** The options this client was created with (defaults are applied per request). */
  declare readonly options: Readonly<ClientOptions>;
  readonly #closer = new AbortController();
  // This client's close signal, then its parent's, and so on: a derived client is closed when any
  // of them is. Requests listen to them all while in flight; nothing is registered on a parent
  // when deriving, so clients derived per call never accumulate on it.
  #closeSignals: readonly AbortSignal[] = [this.#closer.signal];
  // This client's options with every default applied (environment variables read once, at the
  // first request): calls without per-call options reuse them instead of resolving again.
  #resolved: ResolvedOptions | undefined;

  constructor(options: ClientOptions = {}) {
    this.options = Object.freeze({ ...options });
  }

  /** True after `close()` (of this client or the client it was derived from). */
  get closed(): boolean {
    return this.#closeSignals.some((signal) => signal.aborted);
  }

  /**
   * Sends one operation. Generated code calls this; you rarely need to. Per-call `options` override
   * any client option for this request only.
   */
  request<T>(req: OperationRequest, options?: RequestOptions): APIPromise<T> {
    // Calls without per-call options reuse this client's resolved options.
    const resolved = options
      ? resolveOptions(this.options, options)
      : (this.#resolved ??= resolveOptions(this.options));
    // A plain `await` asks for the data at once; otherwise (`asResponse()`, an await that never
    // comes) the response is handed over unread when it arrives.
    const promise: APIPromise<T> = new APIPromise(
      sendRequest<T>(req, resolved, this.#closeSignals, () => !promise._parsing),
    );
    return promise;
  }

  /**
   * A client of the same class with some options replaced (`defaultHeaders` and `retry` are merged).
   * The derived client is closed when this one is.
   */
  withOptions(options: Partial<ClientOptions>): this {
    const Ctor = this.constructor as new (options: ClientOptions) => this;
    const derived = new Ctor(mergeOptions<ClientOptions>({}, this.options, options));
    derived.#closeSignals = [derived.#closer.signal, ...this.#closeSignals];
    return derived;
  }

  /**
   * Aborts every in-flight request and open stream of this client (they reject with
   * ClientClosedError) and makes later requests fail the same way. Idempotent.
   */
  async close(): Promise<void> {
    if (!this.#closer.signal.aborted) this.#closer.abort(new ClientClosedError());
  }

  /** `await using client = createClient()` closes the client at the end of the scope. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }
}

/**
 * Creates an {@link OpenRouterClient}.
 *
 * @example
 * ```ts
 * const client = createClient({ appTitle: "My App", httpReferer: "https://example.com" });
 * ```
 */
export function createClient(options?: ClientOptions): OpenRouterClient {
  return new OpenRouterClient(options);
}
