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
  /**
   * The public name of this class, which becomes `error.name`. A static rather than a statement
   * after the class (`defineErrorName(…)`), so that bundlers can drop an error class nobody uses:
   * the name is put on the prototype when the first instance is built. Subclasses set their own.
   */
  static readonly errorName: string = "OpenRouterError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    classNames(this.constructor as typeof OpenRouterError);
  }

  /**
   * The class names from this error's class up to `OpenRouterError`, e.g.
   * `["RateLimitError", "APIError", "OpenRouterError"]`. Read by the cross-copy guards.
   */
  get [ERROR_BRAND](): readonly string[] {
    return classNames(this.constructor as typeof OpenRouterError);
  }
}

/**
 * Sets `name` on a class's prototype. Done explicitly rather than relying on `constructor.name`
 * because minifiers rename classes, and the guards and stack headers must keep the public name.
 * The class's own name too (`error.constructor.name`), which minifiers would otherwise rename.
 * A subclass of `OpenRouterError` can instead declare `static override readonly errorName`, which
 * keeps it removable by bundlers; this function is for other classes.
 *
 * @example
 * ```ts
 * class QuotaError extends OpenRouterError {}
 * defineErrorName(QuotaError, "QuotaError");
 * ```
 */
export function defineErrorName(cls: abstract new (...args: never[]) => Error, name: string): void {
  for (const target of [cls, cls.prototype]) {
    Object.defineProperty(target, "name", { value: name, writable: true });
  }
}

/** The public name of an error class: its static `errorName`, else its prototype's `name`. */
export function errorClassName(cls: abstract new (...args: never[]) => Error): string {
  return Object.hasOwn(cls, "errorName")
    ? (cls as unknown as typeof OpenRouterError).errorName
    : (cls.prototype as Error).name;
}

/**
 * The names of `cls` and its parents up to `OpenRouterError`. Each class there that declares a
 * static `errorName` is named first (see {@link defineErrorName}): the constructor calls this so
 * that even a parent class never built directly is named, and the brand lists the chain.
 */
function classNames(cls: typeof OpenRouterError): string[] {
  if (cls === (Error as unknown)) return [];
  if (Object.hasOwn(cls, "errorName")) defineErrorName(cls, cls.errorName);
  return [cls.name, ...classNames(Object.getPrototypeOf(cls) as typeof OpenRouterError)];
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
