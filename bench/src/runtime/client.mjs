// One client process of the runtime benchmark: `node client.mjs <task> <sdk> <port> [arg]`.
// Prints one JSON line on stdout. Plain JS run with `node` (no loader), so CPU and RSS figures
// are the client library's and Node's, not a TypeScript loader's.
//
//   task overhead: 200 warm-up chat calls, 2000 sequential, 2000 at concurrency 32, 200 models.list
//   task paired:   every client in this one process, sdk ignored: 200 warm-up chat calls each, then
//                  40 rounds of 50 sequential calls per client, order rotated per round
//   task stub:     2000 warm-up + 10,000 chat calls through a custom fetch answering in-process
//   task stream:   one warm-up stream of 300 events, then one of <arg> events, consumed fully
//   task retry:    one chat call against /retry.<arg>.<sdk>/ with short retry delays
//
// sdk: floor (fetch + JSON.parse), orkit (createClient + chatSend / modelsList), openai, ors
// (@openrouter/sdk, the `OpenRouter` class).
import { performance } from "node:perf_hooks";

const [task, sdk, port, arg] = process.argv.slice(2);
const host = `http://127.0.0.1:${port}`;
const API_KEY = "sk-or-v1-bench0000000000000000000000000000000000000000000000000000000000";
const EXPECTED_CONTENT = "Hello! How can I help you today? 🙂";
const CHAT = { model: "openai/gpt-4o-mini", messages: [{ role: "user", content: "Say hello." }] };

const WARMUP = 200;
const SEQ = 2000;
const CONC_N = 2000;
const CONC = 32;
const MODELS_N = 200;
const MODELS_WARMUP = 10;
const STUB_WARMUP = 2000;
const STUB_N = Number(process.env.BENCH_STUB_CALLS ?? 10_000);

/** Builds { chat(), models(), stream(onChunk) } for one SDK against `base`. */
async function makeClient(name, base, retry = false, stubFetch = undefined) {
  const fetch = stubFetch ?? globalThis.fetch;
  switch (name) {
    case "floor": {
      const headers = { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" };
      return {
        async chat(params = CHAT) {
          const res = await fetch(`${base}/chat/completions`, {
            method: "POST",
            headers,
            body: JSON.stringify(params),
          });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return JSON.parse(await res.text());
        },
        async models() {
          const res = await fetch(`${base}/models`, { headers });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return JSON.parse(await res.text()).data;
        },
        async stream(onChunk) {
          const res = await fetch(`${base}/chat/completions`, {
            method: "POST",
            headers,
            body: JSON.stringify({ ...CHAT, stream: true }),
          });
          if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
          // Minimal hand-rolled SSE: decode (streaming, so split UTF-8 survives), split lines,
          // JSON.parse every `data:` line, stop at [DONE]. Comments and blank lines are skipped.
          const decoder = new TextDecoder();
          let buffer = "";
          for await (const bytes of res.body) {
            buffer += decoder.decode(bytes, { stream: true });
            let nl;
            while ((nl = buffer.indexOf("\n")) !== -1) {
              const line = buffer.slice(0, nl);
              buffer = buffer.slice(nl + 1);
              if (!line.startsWith("data: ")) continue;
              const data = line.slice(6);
              if (data === "[DONE]") return;
              onChunk(JSON.parse(data));
            }
          }
        },
      };
    }
    case "orkit": {
      const { createClient } = await import("@orkit/openrouter-core");
      const { chatSend } = await import("@orkit/openrouter-chat");
      const { modelsList } = await import("@orkit/openrouter-models");
      const client = createClient({
        apiKey: API_KEY,
        baseURL: base,
        ...(stubFetch ? { fetch: stubFetch } : {}),
        ...(retry ? { retry: { initialDelayMs: 50 } } : {}),
      });
      return {
        chat: (params = CHAT) => chatSend(client, params),
        models: async () => (await modelsList(client)).data,
        async stream(onChunk) {
          const stream = await chatSend(client, { ...CHAT, stream: true });
          for await (const chunk of stream) onChunk(chunk);
        },
      };
    }
    case "openai": {
      const { default: OpenAI } = await import("openai");
      // openai-node has no knob for its backoff (0.5 s initial, 8 s max): defaults.
      const client = new OpenAI({
        apiKey: API_KEY,
        baseURL: base,
        ...(stubFetch ? { fetch: stubFetch } : {}),
      });
      return {
        chat: (params = CHAT) => client.chat.completions.create(params),
        models: async () => (await client.models.list()).data,
        async stream(onChunk) {
          const stream = await client.chat.completions.create({ ...CHAT, stream: true });
          for await (const chunk of stream) onChunk(chunk);
        },
      };
    }
    case "ors": {
      const { OpenRouter } = await import("@openrouter/sdk");
      const { HTTPClient } = await import("@openrouter/sdk/lib/http.js");
      const client = new OpenRouter({
        apiKey: API_KEY,
        serverURL: base,
        ...(stubFetch ? { httpClient: new HTTPClient({ fetcher: stubFetch }) } : {}),
        ...(retry
          ? {
              // Defaults are 500 ms initial, ×1.5, 60 s max interval, 1 h max elapsed, + up to 1 s
              // random. Shortened; the 2 s interval cap still lets Retry-After: 1 through.
              retryConfig: {
                strategy: "backoff",
                backoff: {
                  initialInterval: 50,
                  maxInterval: 2000,
                  exponent: 1.5,
                  maxElapsedTime: 5000,
                },
                retryConnectionErrors: true,
              },
            }
          : {}),
      });
      return {
        chat: (params = CHAT) => client.chat.send({ chatRequest: params }),
        models: async () => (await client.models.list()).result.data,
        async stream(onChunk) {
          const stream = await client.chat.send({ chatRequest: { ...CHAT, stream: true } });
          for await (const chunk of stream) onChunk(chunk);
        },
      };
    }
    default:
      throw new Error(`unknown sdk ${name}`);
  }
}

function check(result) {
  const content = result?.choices?.[0]?.message?.content;
  if (content !== EXPECTED_CONTENT)
    throw new Error(`unexpected content: ${JSON.stringify(content)}`);
}

/** Runs `n` calls of `fn`, `concurrency` at a time; returns wall µs, CPU µs, error count. */
async function measure(n, concurrency, fn) {
  let next = 0;
  let errors = 0;
  let firstError;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  async function worker() {
    while (next < n) {
      next++;
      try {
        await fn();
      } catch (error) {
        errors++;
        firstError ??= String(error?.stack ?? error).slice(0, 500);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallUs = (performance.now() - t0) * 1000;
  const cpu = process.cpuUsage(cpu0);
  return { n, concurrency, wallUs, cpuUs: cpu.user + cpu.system, errors, firstError };
}

/** heapUsed after idle time and two full GCs (needs --expose-gc; NaN without it). */
async function settledHeap() {
  if (!globalThis.gc) return NaN;
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => setTimeout(r, 50));
    globalThis.gc();
  }
  return process.memoryUsage().heapUsed;
}

async function overhead() {
  const client = await makeClient(sdk, `${host}/plain/v1`);
  const chat = async () => check(await client.chat());
  const models = async () => {
    const data = await client.models();
    if (!Array.isArray(data) || data.length !== 300) throw new Error(`models: got ${data?.length}`);
  };
  const warmup = await measure(WARMUP, 1, chat);
  const seq = await measure(SEQ, 1, chat);
  const conc = await measure(CONC_N, CONC, chat);
  const modelsWarm = await measure(MODELS_WARMUP, 1, models);
  const modelsRes = await measure(MODELS_N, 1, models);
  return {
    warmupErrors: warmup.errors + modelsWarm.errors,
    warmupError: warmup.firstError ?? modelsWarm.firstError,
    seq,
    conc,
    models: modelsRes,
  };
}

/**
 * The library alone: chat calls through each SDK's own custom-fetch hook, answered in-process with
 * the server's chat body (no sockets). Time per call, and heap still reachable after STUB_N calls
 * (two full GCs each side), per call: code and caches are warm after the warm-up, so a steady
 * figure well above the floor's is a per-call leak.
 */
async function stub() {
  const body = await (
    await fetch(`${host}/plain/v1/chat/completions`, { method: "POST", body: JSON.stringify(CHAT) })
  ).text();
  const stubFetch = async () =>
    new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  const client = await makeClient(sdk, `${host}/plain/v1`, false, stubFetch);
  const chat = async () => check(await client.chat());
  const warmup = await measure(STUB_WARMUP, 1, chat);
  const heap0 = await settledHeap();
  const run = await measure(STUB_N, 1, chat);
  const heap1 = await settledHeap();
  return {
    warmupErrors: warmup.errors,
    warmupError: warmup.firstError,
    run,
    retainedBytesPerCall: (heap1 - heap0) / STUB_N,
  };
}

/**
 * All clients in one process, measured in interleaved batches: each round runs 50 sequential chat
 * calls per client back to back, so a client and the floor always share the machine's state of the
 * moment (CPU frequency, steal, the server's load). Per client: the median over rounds of µs per
 * call (wall and this process's CPU), and the median over rounds of the difference to the floor's
 * batch in the same round. Far less sensitive to drift than comparing separate processes.
 */
async function paired() {
  const names = ["floor", "orkit", "openai", "ors"];
  const clients = {};
  for (const name of names) clients[name] = await makeClient(name, `${host}/plain/v1`);
  const chat = (name) => async () => check(await clients[name].chat());
  for (const name of names) {
    const warm = await measure(WARMUP, 1, chat(name));
    if (warm.errors) throw new Error(`paired warm-up ${name}: ${warm.firstError}`);
  }
  const ROUNDS = 40;
  const BATCH = 50;
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  let errors = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const r = await measure(BATCH, 1, chat(name));
      errors += r.errors;
      wall[name].push(r.wallUs / BATCH);
      cpu[name].push(r.cpuUs / BATCH);
    }
  }
  const med = (values) => {
    const s = [...values].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  };
  const overFloor = (series, name) => med(series[name].map((v, i) => v - series.floor[i]));
  return {
    rounds: ROUNDS,
    batch: BATCH,
    errors,
    clients: Object.fromEntries(
      names.map((n) => [
        n,
        {
          wallUs: med(wall[n]),
          cpuUs: med(cpu[n]),
          overFloorWallUs: overFloor(wall, n),
          overFloorCpuUs: overFloor(cpu, n),
        },
      ]),
    ),
  };
}

async function stream() {
  const n = Number(arg);
  const expected = async (k) => (await fetch(`${host}/_stream-expect/${k}`)).text();
  async function consume(base, record) {
    const client = await makeClient(sdk, base);
    let chunks = 0;
    let withContent = 0;
    let content = "";
    let finish;
    await client.stream((chunk) => {
      chunks++;
      const choice = chunk.choices?.[0];
      const c = choice?.delta?.content;
      if (c) {
        withContent++;
        content += c;
      }
      finish = choice?.finish_reason ?? choice?.finishReason ?? finish;
      if (record && (chunks & 255) === 0) record();
    });
    return { chunks, withContent, content, finish };
  }
  // Warm-up over a slow (1 ms between writes) stream: every read ends mid-character here, so this
  // is also the strict UTF-8 split check.
  const warm = await consume(`${host}/stream.300.slow/v1`);
  const warmOk = warm.content === (await expected(300));
  const expect = await expected(n);
  globalThis.gc?.();
  const rss0 = process.memoryUsage.rss();
  let peak = rss0;
  const sample = () => {
    const r = process.memoryUsage.rss();
    if (r > peak) peak = r;
  };
  const timer = setInterval(sample, 5);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let result;
  let error;
  try {
    result = await consume(`${host}/stream.${n}/v1`, sample);
  } catch (e) {
    error = String(e?.stack ?? e).slice(0, 500);
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  sample();
  return {
    events: n,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    eventsPerSec: result ? result.withContent / (wallMs / 1000) : 0,
    rssBaseMiB: rss0 / 2 ** 20,
    peakRssDeltaMiB: (peak - rss0) / 2 ** 20,
    chunks: result?.chunks,
    withContent: result?.withContent,
    contentOk: result ? result.content === expect : false,
    contentLength: result?.content.length,
    expectedLength: expect.length,
    finishReason: result?.finish,
    splitCheck: { chunks: warm.chunks, contentOk: warmOk },
    error,
  };
}

async function retry() {
  const scenario = arg;
  const key = `${scenario}-${sdk}-${process.pid}`;
  const client = await makeClient(sdk, `${host}/retry.${scenario}.${key}/v1`, true);
  const t0 = performance.now();
  let outcome;
  let detail;
  try {
    check(await client.chat());
    outcome = "ok";
  } catch (error) {
    outcome = error?.constructor?.name ?? typeof error;
    detail = `${error?.name}: ${String(error?.message).slice(0, 160)}`;
  }
  const totalMs = performance.now() - t0;
  const stats = await (await fetch(`${host}/_stats/${key}`)).json();
  return {
    scenario,
    attempts: stats.attempts,
    attemptTimesMs: stats.times,
    totalMs,
    outcome,
    detail,
  };
}

const tasks = { overhead, paired, stub, stream, retry };
if (!tasks[task]) throw new Error(`unknown task ${task}`);
const out = await tasks[task]();
process.stdout.write(`${JSON.stringify({ task, sdk, ...out })}\n`);
process.exit(0);
