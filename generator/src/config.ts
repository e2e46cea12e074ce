/**
 * Publisher-level settings of the generator. Changing `NPM_SCOPE` renames every emitted package
 * (`@orkit/openrouter-chat` → `@acme/openrouter-chat`) and every import between them.
 */
export const NPM_SCOPE = "@orkit";

/** Every emitted package is named `<scope>/<PACKAGE_PREFIX><slug>`. */
export const PACKAGE_PREFIX = "openrouter-";

/** The slug of the hand-written runtime package. */
export const CORE_SLUG = "core";

/** The slug of the umbrella package that composes every resource into one client. */
export const UMBRELLA_SLUG = "";

/** Bumped when the generator's output changes shape for the same spec; recorded in the manifest. */
export const GENERATOR_VERSION = "0.1.0";

/** The package name for a slug: `packageName("chat")` → `@orkit/openrouter-chat`. */
export function packageName(slug: string, scope: string = NPM_SCOPE): string {
  return slug === UMBRELLA_SLUG ? `${scope}/openrouter` : `${scope}/${PACKAGE_PREFIX}${slug}`;
}

/** The folder of a package under `packages/`. */
export function packageDir(slug: string): string {
  return slug === UMBRELLA_SLUG ? "openrouter" : `${PACKAGE_PREFIX}${slug}`;
}
