/**
 * Sets `name` on an error class's prototype (what core's own `defineErrorName` does; that one is not
 * exported). Explicit rather than `constructor.name` so minified builds keep the public name, and on
 * the prototype so core's `ERROR_BRAND` name chain, and hence `isOpenRouterError`, sees it.
 * @internal
 */
export function setErrorName(cls: abstract new (...args: never[]) => Error, name: string): void {
  Object.defineProperty(cls.prototype, "name", {
    value: name,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}
