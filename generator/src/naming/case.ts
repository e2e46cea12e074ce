/** Word-splitting helpers shared by every naming decision. */

/** Splits `API Keys`, `getBYOKKey`, `list_zdr-endpoints` and `X-OpenRouter-Metadata` into words. */
export function words(input: string): string[] {
  return input
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function camelCase(input: string): string {
  return words(input)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join("");
}

export function pascalCase(input: string): string {
  const camel = camelCase(input);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

export function kebabCase(input: string): string {
  return words(input)
    .map((w) => w.toLowerCase())
    .join("-");
}

/** Upper-cases the first letter only, keeping the rest (`getCurrentKeyMetadata` → `GetCurrentKeyMetadata`). */
export function upperFirst(input: string): string {
  return input.charAt(0).toUpperCase() + input.slice(1);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True when `name` can be written as a bare property key or binding. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}
