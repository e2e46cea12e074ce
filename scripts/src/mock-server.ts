import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A running mock of the OpenRouter API. */
export interface MockServer {
  /** Base URL to pass as `baseURL` (e.g. `http://127.0.0.1:41234`). */
  url: string;
  /** Everything Prism printed, for diagnosing a failed contract test. */
  log: () => string;
  stop: () => Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(here, "../..");

/**
 * Writes the pinned spec with our overlays applied (restored /completions and /parameters, the
 * keyless PKCE exchange, …) to a temporary JSON file, so Prism validates against the API as the
 * SDK models it. Returns the file and a cleanup.
 */
export async function writeOverlaidSpec(): Promise<{ file: string; cleanup: () => Promise<void> }> {
  // A relative import, not a workspace dependency: the generator's type tests depend on the
  // umbrella, whose contract tests depend on this package, so a package edge here would be a cycle.
  // The path is a variable so that packages type-checking this file do not pull the generator's
  // sources (and their compiler settings) into their own program.
  const generatorModule = "../../generator/src/overlaid-spec.ts";
  const { loadOverlaidSpec } = (await import(generatorModule)) as {
    loadOverlaidSpec: (options: { env: NodeJS.ProcessEnv }) => Promise<Record<string, unknown>>;
  };
  const spec = await loadOverlaidSpec({ env: process.env });
  const dir = await mkdtemp(path.join(tmpdir(), "orkit-spec-"));
  const file = path.join(dir, "openapi.json");
  await writeFile(file, JSON.stringify(spec));
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The pinned spec, as the generator finds it (`ORKIT_SPEC` overrides). */
export function pinnedSpecPath(): string {
  return path.resolve(
    process.env.ORKIT_SPEC ?? path.join(REPO_ROOT, "../shared/openrouter-spec/openapi.yaml"),
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Starts `@stoplight/prism-cli` mocking `specPath` on a free loopback port. Prism validates every
 * request against the spec and answers from its examples; a request the spec does not allow gets
 * a 4xx with the violation, which is what makes the contract tests meaningful.
 */
export async function startMockServer(specPath?: string, timeoutMs = 60_000): Promise<MockServer> {
  // By default Prism mocks the overlaid spec; pass a path to mock a file as it is.
  const overlaid = specPath === undefined ? await writeOverlaidSpec() : undefined;
  const spec = specPath ?? overlaid!.file;
  const port = await freePort();
  const bin = path.join(here, "..", "node_modules", ".bin", "prism");
  const child: ChildProcess = spawn(
    bin,
    ["mock", "-h", "127.0.0.1", "-p", String(port), "--errors", spec],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
    await overlaid?.cleanup();
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${output}`);
    if (output.includes("Prism is listening")) return { url, log: () => output, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`prism did not start within ${timeoutMs} ms:\n${output}`);
}
