/** Proves the regenerated workspace still installs, builds, typechecks and passes its tests. */
import { spawn } from "node:child_process";
import path from "node:path";

/** Runs one command with inherited output; rejects with the command line and exit code on failure. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    child.on("error", (error) => reject(new Error(`cannot run \`${command}\`: ${error.message}`)));
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `\`${[command, ...args].join(" ")}\` failed (${signal ?? `exit code ${code}`}) in ${cwd}`,
          ),
        );
    });
  });
}

/**
 * `pnpm install --no-frozen-lockfile` (a new package joins the workspace, so the lockfile must
 * change), then `pnpm turbo run build typecheck test`. The repo's own `node_modules/.bin` goes
 * first on PATH: pnpm and turbo are root devDependencies, so this works without a global pnpm.
 */
export async function buildAndTest(repoRoot: string, log: (line: string) => void): Promise<void> {
  const env = {
    ...process.env,
    PATH: [path.join(repoRoot, "node_modules", ".bin"), process.env.PATH].join(path.delimiter),
  };
  log("running pnpm install --no-frozen-lockfile");
  await run("pnpm", ["install", "--no-frozen-lockfile"], repoRoot, env);
  log("running pnpm turbo run build typecheck test");
  await run("pnpm", ["turbo", "run", "build", "typecheck", "test"], repoRoot, env);
}
