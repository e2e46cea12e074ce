/* eslint-disable no-console -- a script. */
/**
 * Runs every example in `examples/` with tsx against local mocks and checks what it printed:
 *
 * - the scripted mock (`mock-openrouter.ts`: SSE streams, tool-call turns, JSON answers, a flaky
 *   model, /models with prices, /keys CRUD, …) for every example but the quick start;
 * - the Prism mock of the pinned spec (`mock-server.ts`, started in parallel: it takes a while) for
 *   `quickstart.ts`, and to validate every request the other examples sent: each recorded request
 *   is replayed to Prism (as JSON, since Prism cannot stream), which answers 4xx for anything the
 *   spec does not allow.
 *
 * Each example must exit 0 within its time limit, print its markers and send what its check
 * expects. Prints `examples: N passed, M failed` and exits non-zero on any failure (or on a request
 * the spec rejects).
 * Run: `pnpm examples` (env OPENROUTER_API_KEY=sk-or-mock and OPENROUTER_BASE_URL=<mock> are set
 * for the examples; a real key in the environment is never used).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startOpenRouterMock, type RecordedRequest } from "./mock-openrouter.ts";
import { startMockServer, type MockServer } from "./mock-server.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const examplesDir = path.join(root, "examples");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const TIMEOUT_MS = 60_000;

interface Example {
  file: string;
  /** Which mock serves it. */
  mock: "scripted" | "prism";
  /** Strings (or patterns) stdout must contain. */
  markers: Array<string | RegExp>;
  args?: string[];
  /** Checks on the requests the example sent to the scripted mock; returns a problem or undefined. */
  check?: (requests: RecordedRequest[]) => string | undefined;
}

const chat = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.path === "/chat/completions");

const EXAMPLES: Example[] = [
  {
    file: "quickstart.ts",
    mock: "prism",
    markers: [
      "client.chat.send → The capital of France is Paris.",
      "chatSend → The capital of France is Paris.",
    ],
  },
  {
    file: "streaming.ts",
    mock: "scripted",
    markers: [
      "streamed: 1, 2, 3, 4, 5.",
      "accumulated: 1, 2, 3, 4, 5.",
      "finish_reason: stop",
      /usage: \d+ tokens, cost \$ [\d.e-]+/,
      "accumulateChatStream: Quiet loops",
    ],
    check: (r) =>
      chat(r).every((x) => x.body?.stream === true) ? undefined : "expected stream: true requests",
  },
  {
    file: "tool-runner.ts",
    mock: "scripted",
    markers: [
      'tool call: get_weather({"city":"Paris"',
      'tool call: get_weather({"city":"Tokyo"',
      "answer after 2 turns:",
      "transcript: user → assistant → tool → tool → assistant",
      /streamed answer: .*London/,
    ],
    check: (r) => {
      const second = chat(r)[1]?.body;
      const tool = second?.messages?.find((m: any) => m.role === "tool");
      if (!tool?.tool_call_id) return "second turn lacks a tool message with tool_call_id";
      if (second.tools?.[0]?.function?.parameters?.type !== "object")
        return "tool parameters are not a JSON Schema object";
      return undefined;
    },
  },
  {
    file: "structured-output.ts",
    mock: "scripted",
    markers: ["user: Jason, 25, jason@example.com"],
    check: (r) =>
      chat(r)[0]?.body?.response_format?.type === "json_schema"
        ? undefined
        : "no json_schema response_format sent",
  },
  {
    file: "fallback-by-cost.ts",
    mock: "scripted",
    markers: [
      "fallback: openai/gpt-4o → google/gemini-2.0-flash-001 (attempt 1 failed: ServiceUnavailableError)",
      "answered by google/gemini-2.0-flash-001: The capital of France is Paris.",
      /cost: \$0\.\d+ estimated, \$[\d.e-]+ reported/,
      "native fallback answered by anthropic/claude-3.5-haiku",
    ],
    check: (r) => {
      const native = chat(r).at(-1)?.body;
      const models = JSON.stringify(native?.models);
      return models === '["openai/gpt-4o","anthropic/claude-3.5-haiku","openai/gpt-4o-mini"]'
        ? undefined
        : `native fallback sent models ${models}`;
    },
  },
  {
    file: "key-management.ts",
    mock: "scripted",
    markers: [
      "created: orkit example key",
      "listed: 4 keys",
      "updated: orkit example key (raised), limit $20",
      "deleted: true",
      "credits left $74.75 (from credits)",
      "rate limit: 997/1000 requests",
    ],
    check: (r) => {
      const pages = r.filter((x) => x.path === "/keys" && x.method === "GET").length;
      return pages >= 2 ? undefined : `expected several /keys pages, got ${pages}`;
    },
  },
  {
    file: "pkce-flow.ts",
    mock: "scripted",
    args: ["mock-auth-code-123"],
    markers: [
      "RFC 7636 vector: ok",
      "authorization URL: https://openrouter.ai/auth?callback_url=",
      "exchanged code for a key: user user_",
      "user key label:",
    ],
    check: (r) => {
      const exchange = r.find((x) => x.path === "/auth/keys");
      if (!exchange) return "no POST /auth/keys";
      if (exchange.headers.authorization) return "the PKCE exchange sent an Authorization header";
      if (exchange.body?.code !== "mock-auth-code-123") return "the code from argv was not sent";
      return undefined;
    },
  },
  {
    file: "relay-server.ts",
    mock: "scripted",
    markers: [
      "relayed (SSE): Quiet loops of code / streaming tokens one by one / the answer arrives.",
      /relayed \(NDJSON\): \d+ chunks: You said: "Hi"\./,
    ],
  },
  {
    file: "provider-routing.ts",
    mock: "scripted",
    markers: [
      "provider routing → anthropic/claude-3.5-sonnet via Anthropic",
      "auto router → openai/gpt-4o-mini",
      /usage: \d+ prompt \+ \d+ completion tokens, cost \$0\.\d+/,
      "(received 1 image_url part)",
      "(received 1 file part)",
      'JSON mode: {"colors":["red","green","blue"]}',
    ],
    check: (r) => {
      const bodies = chat(r).map((x) => x.body);
      if (!bodies.some((b) => b.provider?.order?.[0] === "Anthropic" && b.provider?.zdr === true))
        return "no provider preferences sent";
      if (!bodies.some((b) => b.model === "openrouter/auto")) return "no auto router request";
      if (!bodies.some((b) => b.response_format?.type === "json_object"))
        return "no JSON mode request";
      return undefined;
    },
  },
];

interface Outcome {
  file: string;
  ok: boolean;
  ms: number;
  problems: string[];
  output: string;
}

function run(
  file: string,
  args: string[],
  baseURL: string,
): Promise<{ code: number | null; output: string; stdout: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    // The examples' own knobs are cleared so the markers below hold whatever the shell has set.
    const {
      PRIMARY_MODEL: _m,
      PKCE_VERIFIER: _v,
      OPENROUTER_AUTH_CODE: _c,
      OPENROUTER_DEBUG: _d,
      ...env
    } = process.env;
    const child = spawn(tsx, [file, ...args], {
      cwd: examplesDir,
      env: { ...env, OPENROUTER_API_KEY: "sk-or-mock", OPENROUTER_BASE_URL: baseURL },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let output = "";
    child.stdout.on("data", (d: Buffer) => ((stdout += d), (output += d)));
    child.stderr.on("data", (d: Buffer) => (output += d));
    const timer = setTimeout(() => {
      output += `\n[timed out after ${TIMEOUT_MS} ms]`;
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, stdout, ms: Date.now() - started });
    });
  });
}

async function runExample(
  example: Example,
  baseURL: string,
  requests?: RecordedRequest[],
): Promise<Outcome> {
  const before = requests?.length ?? 0;
  const { code, output, stdout, ms } = await run(example.file, example.args ?? [], baseURL);
  const problems: string[] = [];
  if (code !== 0) problems.push(`exit code ${code}`);
  for (const marker of example.markers) {
    const found = typeof marker === "string" ? stdout.includes(marker) : marker.test(stdout);
    if (!found) problems.push(`missing output ${String(marker)}`);
  }
  if (example.check && requests) {
    const problem = example.check(requests.slice(before));
    if (problem) problems.push(problem);
  }
  return { file: example.file, ok: problems.length === 0, ms, problems, output };
}

/**
 * Replays recorded requests to Prism (JSON only: `stream` forced off) and returns the ones the spec
 * rejects. Requests the scripted mock itself answered with an error are skipped (deliberate 503s).
 */
async function specCheck(prism: MockServer, requests: RecordedRequest[]): Promise<string[]> {
  const failures: string[] = [];
  for (const r of requests) {
    if (r.status >= 400) continue;
    const query = r.query.toString();
    const headers: Record<string, string> = { accept: "application/json" };
    if (r.headers.authorization) headers.authorization = r.headers.authorization;
    // The pinned spec puts every operation, the PKCE exchange included, under its global bearer
    // security; OpenRouter's PKCE flow (and `exchangeCodeForKey`) sends no key. Add a placeholder
    // so Prism validates the body instead of stopping at the missing header.
    else if (r.path === "/auth/keys") headers.authorization = "Bearer sk-or-pkce-placeholder";
    let body: string | undefined;
    if (r.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(r.path === "/chat/completions" ? { ...r.body, stream: false } : r.body);
    }
    const response = await fetch(`${prism.url}${r.path}${query ? `?${query}` : ""}`, {
      method: r.method,
      headers,
      body,
    });
    const text = await response.text();
    if (
      response.status === 422 ||
      response.status === 400 ||
      response.status === 401 ||
      response.status === 405
    ) {
      failures.push(`${r.method} ${r.path} → ${response.status} ${text.slice(0, 400)}`);
    }
  }
  return failures;
}

const only = process.argv.slice(2);
const selected = only.length
  ? EXAMPLES.filter((e) => only.some((o) => e.file.startsWith(o)))
  : EXAMPLES;

// Prism takes ~20 s to load the spec: start it now, use it when the scripted examples are done.
const prismStarting = startMockServer().then(
  (server) => ({ server }),
  (error: unknown) => ({ error }),
);
const mock = await startOpenRouterMock();
console.log(`scripted mock at ${mock.url}`);

const outcomes: Outcome[] = [];
const report = (o: Outcome) => {
  outcomes.push(o);
  console.log(`${o.ok ? "ok  " : "FAIL"} ${o.file} (${o.ms} ms)`);
  if (!o.ok) {
    for (const p of o.problems) console.log(`     - ${p}`);
    console.log(o.output.replace(/^/gm, "     | "));
  }
};

for (const example of selected.filter((e) => e.mock === "scripted")) {
  report(await runExample(example, mock.url, mock.requests));
}

let specFailures: string[] = [];
const prism = await prismStarting;
if ("error" in prism) {
  console.log(`FAIL prism did not start: ${String(prism.error)}`);
  for (const example of selected.filter((e) => e.mock === "prism")) {
    report({ file: example.file, ok: false, ms: 0, problems: ["prism did not start"], output: "" });
  }
} else {
  try {
    console.log(`prism mock at ${prism.server.url}`);
    for (const example of selected.filter((e) => e.mock === "prism")) {
      report(await runExample(example, prism.server.url));
    }
    specFailures = await specCheck(prism.server, mock.requests);
    const checked = mock.requests.filter((r) => r.status < 400).length;
    console.log(
      `spec check: ${checked - specFailures.length} of ${checked} recorded requests valid against the spec`,
    );
    for (const f of specFailures) console.log(`     - ${f}`);
  } finally {
    await prism.server.stop();
  }
}
await mock.stop();

const failed = outcomes.filter((o) => !o.ok).length;
console.log(`examples: ${outcomes.length - failed} passed, ${failed} failed`);
if (specFailures.length) console.log(`spec check: ${specFailures.length} invalid requests`);
process.exit(failed === 0 && specFailures.length === 0 ? 0 : 1);
