/**
 * Reads an environment variable on any runtime, or `undefined` where there is no environment
 * (browsers, most edge workers). Never throws: Deno throws without `--allow-env`, which must not
 * turn a missing variable into a crash. An empty (or all-blank) value counts as unset, as it does
 * in shells and `.env` files: `OPENROUTER_BASE_URL=` means the default URL, not a relative one.
 */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get?(key: string): string | undefined } };
  };
  try {
    const value = runtime.process?.env?.[name] ?? runtime.Deno?.env?.get?.(name);
    return value?.trim() ? value : undefined;
  } catch {
    return undefined;
  }
}

/** True only for "1", "true", "yes", "on" (any case, surrounding space ignored). */
export function isTruthyEnv(value: string | undefined): boolean {
  return /^\s*(1|true|yes|on)\s*$/i.test(value ?? "");
}
