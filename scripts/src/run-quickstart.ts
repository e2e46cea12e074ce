/* eslint-disable no-console -- a script. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMockServer } from "./mock-server.ts";

/**
 * Runs `examples/quickstart.ts`: against the real API when `OPENROUTER_API_KEY` is set, otherwise
 * against a local Prism mock of the pinned spec (so the quick start works on a machine with no
 * key and no network, and its requests are validated by the spec).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const example = path.join(root, "examples", "quickstart.ts");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

const env = { ...process.env };
let stop = async () => {};
if (!env.OPENROUTER_API_KEY) {
  const mock = await startMockServer();
  stop = mock.stop;
  env.OPENROUTER_API_KEY = "sk-or-mock-key";
  env.OPENROUTER_BASE_URL = mock.url;
  console.log(
    `OPENROUTER_API_KEY is unset: running the quick start against a local mock at ${mock.url}`,
  );
}
const result = spawnSync(tsx, [example], {
  stdio: "inherit",
  env,
  cwd: path.join(root, "examples"),
});
await stop();
process.exit(result.status ?? 1);
