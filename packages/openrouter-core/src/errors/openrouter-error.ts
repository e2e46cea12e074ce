/**
 * The brand every error class of this package carries. `Symbol.for` puts it in the global symbol
 * registry, so two copies of `@orkit/openrouter-core` (one per resource package, say) share it and
 * the `isX` guards recognise each other's errors where `instanceof` would fail.
 */
export const ERROR_BRAND: unique symbol = Symbol.for("@orkit/openrouter-core/error");

/**
 * Base class of every error this SDK throws: HTTP errors ({@link APIError} and its subclasses) and
 * client-side failures (connection, timeout, abort, configuration).
 *
 * Not an `OpenRouterError`: exceptions thrown by your own callbacks (a custom `fetch`, an `apiKey`
 * function, a logger), which propagate unchanged.
 */
export class OpenRouterError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  /**
   * The class names from this error's class up to `OpenRouterError`, e.g.
   * `["RateLimitError", "APIError", "OpenRouterError"]`. Read by the cross-copy guards.
   */
  get [ERROR_BRAND](): readonly string[] {
    return errorNames(this);
  }
}
defineErrorName(OpenRouterError, "OpenRouterError");

/**
 * Sets `name` on a class's prototype. Done explicitly rather than relying on `constructor.name`
 * because minifiers rename classes, and the guards and stack headers must keep the public name.
 * Exported for error classes built on `OpenRouterError` elsewhere (the umbrella's helpers), so
 * `isOpenRouterError` recognises them across copies of this package too.
 *
 * @example
 * ```ts
 * class QuotaError extends OpenRouterError {}
 * defineErrorName(QuotaError, "QuotaError");
 * ```
 */
export function defineErrorName(cls: abstract new (...args: never[]) => Error, name: string): void {
  Object.defineProperty(cls.prototype, "name", {
    value: name,
    writable: true,
    configurable: true,
  });
}

/** Walks the prototype chain collecting the names set by {@link defineErrorName}. */
function errorNames(error: Error): string[] {
  const names: string[] = [];
  for (
    let proto = Object.getPrototypeOf(error) as object | null;
    proto && proto !== Error.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    if (Object.prototype.hasOwnProperty.call(proto, "name")) {
      names.push((proto as { name: string }).name);
    }
  }
  return names;
}

/**
 * True when `value` is an error of this package whose class (or a parent class) is named `name`.
 * Works across copies of the package and for plain objects carrying the brand.
 */
export function hasErrorName(value: unknown, name: string): boolean {
  if (typeof value !== "object" || value === null) return false;
  const names = (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND];
  return Array.isArray(names) && names.includes(name);
}
