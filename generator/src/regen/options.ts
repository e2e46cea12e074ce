/** The options of `pnpm regen`, and turning its command line into them. */
import path from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../errors.js";

/** Everything a regeneration run can be told. Paths are absolute once parsed. */
export interface RegenOptions {
  /** The new spec file. Unset means download it from the lock's `sourceUrl`. */
  spec?: string;
  /** The repository to regenerate (holds `spec/` and `packages/`); the repo this file lives in by default. */
  repoRoot?: string;
  /** Skip `pnpm install` and `turbo run build typecheck test` (tests; CI never skips). */
  skipBuild?: boolean;
  /** Where the Markdown report goes; `<repoRoot>/regen-report.md` by default. */
  report?: string;
  /**
   * Also keep a copy of the new spec here, even when unchanged. CI caches it as the next run's
   * baseline: a downloaded spec is not otherwise kept, and the diff needs the previous one.
   */
  saveSpec?: string;
  /** Environment to read `ORKIT_SPEC` (the old spec) from; `process.env` by default. */
  env?: Record<string, string | undefined>;
  /** Where progress lines go; silent by default so the function stays quiet in tests. */
  log?: (line: string) => void;
}

export const USAGE = `Usage: pnpm regen [--spec FILE | --download] [--repo DIR] [--report FILE] [--skip-build] [--save-spec FILE]

Regenerates the packages from a new OpenRouter spec, writes a changeset with the semver bump of
every affected package and a Markdown report of the API changes.

  --spec FILE       the new spec (JSON or YAML); without it the spec is downloaded
  --download        download the spec from spec/spec.lock.json's sourceUrl (the default)
  --repo DIR        the repository to regenerate (default: this repository)
  --report FILE     where to write the report (default: <repo>/regen-report.md)
  --skip-build      do not run pnpm install and turbo build/typecheck/test afterwards
  --save-spec FILE  keep a copy of the new spec at FILE (CI caches it as the next baseline)
Env: ORKIT_SPEC=FILE is the OLD spec to diff against (default: the lock's defaultPath).`;

/**
 * Parses the command line. Relative paths resolve against `cwd`: pnpm runs the script inside
 * generator/, so the CLI passes the directory the user typed the command in (INIT_CWD).
 */
export function parseRegenArgs(argv: string[], cwd: string): RegenOptions | "help" {
  // `pnpm run regen -- --spec x` forwards a literal `--`; drop it rather than read flags as positionals.
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        spec: { type: "string" },
        download: { type: "boolean", default: false },
        repo: { type: "string" },
        report: { type: "string" },
        "skip-build": { type: "boolean", default: false },
        "save-spec": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new InputError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return "help";
  if (values.spec !== undefined && values.download) {
    throw new InputError("pass either --spec FILE or --download, not both");
  }
  const abs = (p: string | undefined) => (p === undefined ? undefined : path.resolve(cwd, p));
  return {
    spec: abs(values.spec),
    repoRoot: abs(values.repo),
    report: abs(values.report),
    skipBuild: values["skip-build"],
    saveSpec: abs(values["save-spec"]),
  };
}
