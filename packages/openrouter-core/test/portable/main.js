// Entry point of the portability suite in every runtime. Takes the loopback server's origin from
// `globalThis.PORTABLE_BASE_URL`, the first command-line argument (Node, Bun, Deno), or the page's
// `?api=` parameter (browser); prints one line per test and `portable: N passed, M failed`; exits
// non-zero on failure (in the browser it sets `globalThis.__portableResult` instead).

import { runSuite } from "./suite.js";

const g = globalThis;
const args = g.Deno?.args ?? g.process?.argv?.slice(2) ?? [];
const baseURL =
  g.PORTABLE_BASE_URL ??
  args[0] ??
  (g.location ? new URLSearchParams(g.location.search).get("api") : undefined);

let result;
try {
  result = await runSuite({ baseURL });
} catch (error) {
  console.log(`not ok - suite crashed: ${error?.stack ?? error}`);
  console.log("portable: 0 passed, 1 failed");
  result = { passed: 0, failed: 1 };
}
g.__portableResult = result;

const code = result.failed === 0 && result.passed > 0 ? 0 : 1;
if (g.Deno?.exit) g.Deno.exit(code);
else if (g.process?.exit && typeof g.document === "undefined") g.process.exit(code);
