import path from "node:path";
import { fileURLToPath } from "node:url";
import { NPM_SCOPE } from "./config.js";

/** Every option of a run, resolved once at entry with every default explicit. */
export interface GeneratorContext {
  /** The repository root (holds `spec/` and `packages/`). */
  repoRoot: string;
  /** Holds spec.lock.json, naming.json and overlays/; `<repoRoot>/spec` unless a test points elsewhere. */
  specDir: string;
  /** The spec to read, absolute; undefined means the lock's `defaultPath` (resolved by the load stage). */
  specPath: string | undefined;
  /**
   * What to record as the lock's `defaultPath` when this run adopts a new spec (relative to the repo
   * root). Defaults to the adopted file itself; the regeneration bot points it at its saved copy.
   */
  lockDefaultPath: string | undefined;
  /** True when the spec was named explicitly (`--spec`/env): a hash change then updates the lock. */
  specExplicit: boolean;
  /** Download the spec from the lock's source URL instead of reading a file. */
  download: boolean;
  /** Where packages are written; `<repoRoot>/packages` unless `--out`. */
  outDir: string;
  /** True for `--out`: also write a tsconfig that typechecks the output against the workspace core. */
  standalone: boolean;
  /** `--check`: write nothing, report differences. */
  check: boolean;
  /** The npm scope of every package. */
  scope: string;
}

export interface CliOptions {
  spec?: string;
  out?: string;
  check?: boolean;
  download?: boolean;
  repoRoot?: string;
  specDir?: string;
  scope?: string;
  lockDefaultPath?: string;
  env?: Record<string, string | undefined>;
}

/** The repository root, found from this file's location (generator/src/context.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function resolveContext(options: CliOptions = {}): GeneratorContext {
  const env = options.env ?? process.env;
  const repoRoot = path.resolve(options.repoRoot ?? REPO_ROOT);
  const explicit = options.spec ?? env.ORKIT_SPEC;
  // `pnpm generate` runs in generator/; INIT_CWD is where the user typed it, so relative paths mean what they expect.
  const cwd = env.INIT_CWD ?? process.cwd();
  const specPath = explicit === undefined ? undefined : path.resolve(cwd, explicit);
  const standalone = options.out !== undefined;
  return {
    repoRoot,
    specDir: path.resolve(options.specDir ?? path.join(repoRoot, "spec")),
    specPath,
    lockDefaultPath: options.lockDefaultPath,
    specExplicit: explicit !== undefined,
    download: options.download ?? false,
    outDir: standalone ? path.resolve(cwd, options.out!) : path.join(repoRoot, "packages"),
    standalone,
    check: options.check ?? false,
    scope: options.scope ?? NPM_SCOPE,
  };
}
