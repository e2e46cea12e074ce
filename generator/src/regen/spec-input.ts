/**
 * Reads the two specs a regeneration compares, through the generator's own load stage so the
 * bytes, the hash and the parse are exactly what `pnpm generate` would see.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { resolveContext } from "../context.js";
import { InputError } from "../errors.js";
import { load, type LoadedInput, type SpecLock } from "../stages/load.js";

/** The new spec, loaded, plus the file the pipeline should read it from. */
export interface NewSpec {
  input: LoadedInput;
  /** A file holding exactly `input.specText`: the `--spec` file, or a temporary copy of a download. */
  file: string;
  /** Removes the temporary copy, if one was made. */
  cleanup: () => Promise<void>;
}

/**
 * Loads the new spec from `specFile`, or downloads it from the lock's `sourceUrl` when unset.
 * A download goes through the load stage's `--download` path (same fetch, same errors), and is
 * then written to a temporary file named with the download date: the pipeline reads that file
 * rather than fetching again, so it generates from the very bytes that were diffed.
 */
export async function loadNewSpec(
  repoRoot: string,
  specFile: string | undefined,
): Promise<NewSpec> {
  if (specFile !== undefined) {
    const input = await load(resolveContext({ spec: specFile, repoRoot, env: {} }));
    return { input, file: specFile, cleanup: async () => {} };
  }
  const input = await load(resolveContext({ download: true, repoRoot, env: {} }));
  const dir = await mkdtemp(path.join(tmpdir(), "orkit-regen-"));
  // The load stage dates the lock from a `YYYY-MM-DD` in the file name; keep the download's date.
  const file = path.join(dir, `openrouter-${input.nextLock.date}.spec`);
  await writeFile(file, input.specText);
  return { input, file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The old spec, loaded, and where it was found. */
export interface OldSpec {
  input: LoadedInput;
  path: string;
}

/**
 * Finds the spec the packages were generated from: `ORKIT_SPEC` when set, otherwise the lock's
 * `defaultPath` resolved from the repository root (where `pnpm generate` looks too).
 * Without it there is nothing to diff against, so a missing file (or one that is not the pinned
 * spec) is an error that says where it looked and how to point elsewhere. A relative
 * ORKIT_SPEC is taken from where pnpm was started (INIT_CWD), not from generator/.
 */
export async function loadOldSpec(
  repoRoot: string,
  lock: SpecLock,
  env: Record<string, string | undefined>,
): Promise<OldSpec> {
  const fromEnv = env.ORKIT_SPEC;
  const file = fromEnv
    ? path.resolve(env.INIT_CWD ?? process.cwd(), fromEnv)
    : path.resolve(repoRoot, lock.defaultPath);
  if (!existsSync(file)) {
    const where = fromEnv
      ? "ORKIT_SPEC"
      : `spec/spec.lock.json's defaultPath "${lock.defaultPath}"`;
    throw new InputError(
      `the old spec is missing: ${file} (from ${where}) does not exist. The regeneration diffs the new spec ` +
        `against the pinned one (sha256 ${lock.sha256.slice(0, 12)}, ${lock.date}) to choose the version bumps; ` +
        `put that spec there or set ORKIT_SPEC=FILE to it.`,
    );
  }
  const input = await load(resolveContext({ spec: file, repoRoot, env: {} }));
  // A different file would give a diff against the wrong baseline, and so wrong version bumps,
  // with nothing looking amiss: refuse rather than warn. (After a downloaded spec is adopted the
  // lock moves on while defaultPath still holds the older file; CI points ORKIT_SPEC at a cached copy.)
  if (input.specHash !== lock.sha256) {
    throw new InputError(
      `the old spec ${file} has sha256 ${input.specHash.slice(0, 12)}, but spec/spec.lock.json pins ` +
        `${lock.sha256.slice(0, 12)} (${lock.date}); diffing against it would choose wrong version bumps. ` +
        `Set ORKIT_SPEC=FILE to the pinned spec.`,
    );
  }
  return { input, path: file };
}
