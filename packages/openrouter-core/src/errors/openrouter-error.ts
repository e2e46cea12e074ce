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
    nameErrorClasses(new.target);
  }

  /**
   * The class names from this error's class up to `OpenRouterError`, e.g.
   * `["RateLimitError", "APIError", "OpenRouterError"]`. Read by the cross-copy guards.
   */
  get [ERROR_BRAND](): readonly string[] {
    return errorNames(this);
  }
}
/**
 * Sets `name` on a class's prototype. Done explicitly rather than relying on `constructor.name`
 * because minifiers rename classes, and the guards and stack headers must keep the public name.
 * A subclass of `OpenRouterError` can instead declare `static override readonly errorName`, which
 * keeps it removable by bundlers; this function is for other classes, or to rename one.
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
  // The class's own name too (`error.constructor.name`), which minifiers would otherwise rename.
  Object.defineProperty(cls, "name", { value: name, configurable: true });
}

/**
 * Gives every class from `cls` up to `Error` that declares a static `errorName` its prototype
 * `name` (once per class; cheap, and errors are rare). Parents too: the brand lists the whole chain.
 */
function nameErrorClasses(cls: abstract new (...args: never[]) => Error): void {
  for (let c: unknown = cls; typeof c === "function" && c !== Error; c = Object.getPrototypeOf(c)) {
    const { prototype } = c as { prototype: object };
    if (Object.hasOwn(c, "errorName") && !Object.hasOwn(prototype, "name")) {
      defineErrorName(c as typeof OpenRouterError, (c as typeof OpenRouterError).errorName);
    }
  }
}

/** The public name of an error class: its static `errorName`, else its prototype's `name`. */
export function errorClassName(cls: abstract new (...args: never[]) => Error): string {
  return Object.hasOwn(cls, "errorName")
    ? (cls as unknown as typeof OpenRouterError).errorName
    : (cls.prototype as Error).name;
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
