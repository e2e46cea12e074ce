/**
 * Reads an environment variable on any runtime, or `undefined` where there is no environment
 * (browsers, most edge workers). Never throws: Deno throws without `--allow-env`, which must not
 * turn a missing variable into a crash. An empty (or all-blank) value counts as unset, as it does
 * in shells and `.env` files: `OPENROUTER_BASE_URL=` means the default URL, not a relative one.
 */
export function readEnv(name: string): string | undefined {
  const value = readRawEnv(name);
  return value?.trim() ? value : undefined;
}

function readRawEnv(name: string): string | undefined {
  const g = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get?(key: string): string | undefined } };
  };
  try {
    const fromProcess = g.process?.env?.[name];
    if (fromProcess !== undefined) return fromProcess;
    return g.Deno?.env?.get?.(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** True only for "1", "true", "yes", "on" (any case, surrounding space ignored). */
export function isTruthyEnv(value: string | undefined): boolean {
  return value !== undefined && ["1", "true", "yes", "on"].includes(value.trim().toLowerCase());
}
