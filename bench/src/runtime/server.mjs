// Loopback OpenRouter stand-in for the runtime benchmark (bench/src/runtime.ts). Runs in its own
// process so its CPU never counts as the client's. Plain JS, started with `node` (no loader).
//
// Routes (every path is `/<tag>/v1/<endpoint>`, so each client/scenario gets its own base URL):
//   POST /plain/v1/chat/completions         a small non-streaming chat completion
//   GET  /plain/v1/models                   ~300 generated models (one body, built once)
//   POST /stream.<n>[.slow]/v1/chat/completions   n SSE chunks (+ comments), UTF-8 split across
//                                           writes; `.slow` waits 1 ms between writes so reads split
//   POST /retry.<scenario>.<key>/v1/chat/completions   retry scenarios, counted per key
//   GET  /_stats/<key>                      {"attempts": n, "times": [ms since first attempt]}
//   GET  /_stream-expect/<n>                the content a consumer of /stream.<n> must reassemble
//
// It listens on 127.0.0.1 only, reports its port over IPC, and exits when the parent disconnects
// or after a hard limit, whichever comes first.
import http from "node:http";

const HARD_LIMIT_MS = 8 * 60_000;
const CREATED = 1_763_000_000;

// ---------- deterministic data ----------

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AUTHORS = [
  ["openai", "OpenAI", "GPT"],
  ["anthropic", "Anthropic", "Claude"],
  ["google", "Google", "Gemini"],
  ["meta-llama", "Meta", "Llama3"],
  ["mistralai", "Mistral", "Mistral"],
  ["qwen", "Qwen", "Qwen"],
  ["deepseek", "DeepSeek", "DeepSeek"],
  ["x-ai", "xAI", "Grok"],
  ["cohere", "Cohere", "Cohere"],
  ["amazon", "Amazon", "Nova"],
  ["nousresearch", "Nous", "Llama3"],
  ["microsoft", "Microsoft", "Other"],
];
const FAMILIES = [
  "chat",
  "instruct",
  "turbo",
  "mini",
  "pro",
  "flash",
  "large",
  "small",
  "coder",
  "vision",
];
const PARAMS = [
  "max_tokens",
  "temperature",
  "top_p",
  "stop",
  "frequency_penalty",
  "presence_penalty",
  "seed",
  "logit_bias",
  "logprobs",
  "top_logprobs",
  "response_format",
  "structured_outputs",
  "tools",
  "tool_choice",
  "reasoning",
  "include_reasoning",
  "top_k",
  "min_p",
  "repetition_penalty",
];
const WORDS = (
  "model context tokens reasoning tasks coding multilingual efficient latency vision tool use " +
  "structured output long documents instruction following benchmark fine-tuned open weights " +
  "agentic workflows function calling cost quality balance state-of-the-art"
).split(" ");

export function makeModels(count = 300) {
  const rnd = prng(42);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const data = [];
  for (let i = 0; i < count; i++) {
    const [author, vendor, tokenizer] = AUTHORS[i % AUTHORS.length];
    const version = `${1 + Math.floor(rnd() * 4)}.${Math.floor(rnd() * 10)}`;
    const family = pick(FAMILIES);
    const slug = `${author}/${vendor.toLowerCase()}-${version}-${family}-${i}`;
    const ctx = [8192, 32768, 65536, 128000, 200000, 1048576][Math.floor(rnd() * 6)];
    const vision = rnd() < 0.4;
    const desc = Array.from({ length: 40 + Math.floor(rnd() * 40) }, () => pick(WORDS)).join(" ");
    const price = (rnd() * 0.00002).toFixed(9);
    data.push({
      id: slug,
      canonical_slug: `${slug}-2025${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}`,
      hugging_face_id: rnd() < 0.5 ? `${vendor}/${vendor}-${version}-${family}` : "",
      name: `${vendor}: ${vendor} ${version} ${family[0].toUpperCase()}${family.slice(1)}`,
      created: CREATED - i * 86_400,
      description: `${vendor} ${version} ${family} is a ${desc}.`,
      context_length: ctx,
      architecture: {
        modality: vision ? "text+image->text" : "text->text",
        input_modalities: vision ? ["text", "image"] : ["text"],
        output_modalities: ["text"],
        tokenizer,
        instruct_type: rnd() < 0.7 ? null : "chatml",
      },
      pricing: {
        prompt: price,
        completion: (Number(price) * 4).toFixed(9),
        request: "0",
        image: vision ? "0.001445" : "0",
        web_search: "0",
        internal_reasoning: "0",
        input_cache_read: (Number(price) / 10).toFixed(10),
      },
      top_provider: {
        context_length: ctx,
        max_completion_tokens: rnd() < 0.8 ? 16384 : null,
        is_moderated: rnd() < 0.3,
      },
      per_request_limits: null,
      supported_parameters: PARAMS.filter(() => rnd() < 0.6),
      default_parameters: {
        temperature: rnd() < 0.5 ? null : 0.7,
        top_p: null,
        frequency_penalty: null,
      },
      supported_voices: null,
      knowledge_cutoff: null,
      expiration_date: null,
      links: { details: `/api/v1/models/${slug}/endpoints` },
    });
  }
  return { data, links: { next: null }, total_count: data.length };
}

const CHAT_BODY = JSON.stringify({
  id: "gen-1763000000-Xr2Lk9QpZt7Ws3Vb8NmA",
  provider: "OpenAI",
  model: "openai/gpt-4o-mini",
  object: "chat.completion",
  created: CREATED,
  choices: [
    {
      logprobs: null,
      finish_reason: "stop",
      native_finish_reason: "stop",
      index: 0,
      message: {
        role: "assistant",
        content: "Hello! How can I help you today? 🙂",
        refusal: null,
        reasoning: null,
      },
    },
  ],
  system_fingerprint: "fp_560af6e559",
  usage: {
    prompt_tokens: 12,
    completion_tokens: 10,
    total_tokens: 22,
    cost: 0.0000078,
    is_byok: false,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, image_tokens: 0 },
  },
});

// A few bytes of content per event, with 2-, 3- and 4-byte UTF-8 characters in the mix.
const PIECES = ["Hé", "llo", " wö", "rld", " ✓", " 日本", "語", " 🙂", "ok", " ñ", "—", "x"];
export function streamPiece(i) {
  return PIECES[i % PIECES.length];
}
export function expectedStreamContent(n) {
  let s = "";
  for (let i = 0; i < n; i++) s += streamPiece(i);
  return s;
}

const streamCache = new Map();
/** The whole SSE body for n events, and cut points that each fall inside a multi-byte character. */
function buildStream(n) {
  const cached = streamCache.get(n);
  if (cached) return cached;
  const id = "gen-1763000000-StreamStreamStream01";
  const base = {
    id,
    provider: "OpenAI",
    model: "openai/gpt-4o-mini",
    object: "chat.completion.chunk",
    created: CREATED,
  };
  const parts = [];
  for (let i = 0; i < n; i++) {
    if (i % 50 === 0) parts.push(": OPENROUTER PROCESSING\n\n");
    const chunk = {
      ...base,
      choices: [
        {
          index: 0,
          delta:
            i === 0 ? { role: "assistant", content: streamPiece(i) } : { content: streamPiece(i) },
          finish_reason: null,
          native_finish_reason: null,
          logprobs: null,
        },
      ],
    };
    parts.push(`data: ${JSON.stringify(chunk)}\n\n`);
  }
  parts.push(
    `data: ${JSON.stringify({
      ...base,
      choices: [
        {
          index: 0,
          delta: { content: "" },
          finish_reason: "stop",
          native_finish_reason: "stop",
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 12, completion_tokens: n, total_tokens: 12 + n },
    })}\n\n`,
  );
  parts.push("data: [DONE]\n\n");
  const bytes = Buffer.from(parts.join(""), "utf8");
  // Cut roughly every 1–3 KiB, moved forward to the byte after a multi-byte lead byte, so every
  // write boundary splits a UTF-8 character.
  const cuts = [];
  const rnd = prng(7);
  let pos = 0;
  let splitCount = 0;
  while (pos < bytes.length) {
    let next = pos + 1024 + Math.floor(rnd() * 2048);
    if (next >= bytes.length) break;
    let j = next;
    while (j < bytes.length && j < next + 4096 && bytes[j] < 0xc0) j++; // find a lead byte
    if (j < bytes.length - 1 && bytes[j] >= 0xc0) {
      next = j + 1;
      splitCount++;
    }
    cuts.push(next);
    pos = next;
  }
  const result = { bytes, cuts, splitCount };
  streamCache.set(n, result);
  return result;
}

// ---------- retry scenarios ----------

const stats = new Map(); // key -> { attempts, first, times[] }
function hit(key) {
  let s = stats.get(key);
  const now = performance.now();
  if (!s) stats.set(key, (s = { attempts: 0, first: now, times: [] }));
  s.attempts++;
  s.times.push(Math.round(now - s.first));
  return s.attempts;
}

function sendJson(res, status, body, headers = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function retryScenario(scenario, key, req, res) {
  const n = hit(key);
  const ok = () => sendJson(res, 200, CHAT_BODY);
  const err = (status, message, headers) =>
    sendJson(res, status, { error: { code: status, message } }, headers);
  switch (scenario) {
    case "429":
      if (n === 1)
        return err(429, "Rate limit exceeded: free-models-per-min.", { "retry-after": "1" });
      return ok();
    case "503x2":
      if (n <= 2)
        return err(503, "No available model provider that meets your routing requirements.");
      return ok();
    case "reset":
      if (n === 1) return req.socket.resetAndDestroy();
      return ok();
    case "503inf":
      return err(503, "No available model provider that meets your routing requirements.");
    default:
      return err(404, `unknown scenario ${scenario}`);
  }
}

// ---------- server ----------

const MODELS_BODY = JSON.stringify(makeModels(300));

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const url = req.url ?? "/";
    if (url.startsWith("/_stats/"))
      return sendJson(res, 200, stats.get(url.slice(8)) ?? { attempts: 0, times: [] });
    if (url.startsWith("/_stream-expect/")) {
      const text = expectedStreamContent(Number(url.slice(16)));
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      return res.end(text);
    }
    const m = /^\/([^/]+)\/v1\/(chat\/completions|models)(?:\?.*)?$/.exec(url);
    if (!m) return sendJson(res, 404, { error: { code: 404, message: `no route ${url}` } });
    const [, tag, endpoint] = m;
    if (tag.startsWith("retry.")) {
      const [, scenario, ...rest] = tag.split(".");
      return retryScenario(scenario, rest.join("."), req, res);
    }
    if (endpoint === "models") {
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(MODELS_BODY),
      });
      return res.end(MODELS_BODY);
    }
    if (req.method !== "POST")
      return sendJson(res, 405, { error: { code: 405, message: "POST only" } });
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return sendJson(res, 400, { error: { code: 400, message: "invalid JSON body" } });
    }
    if (body.stream === true && tag.startsWith("stream.")) {
      const [, n, mode] = tag.split(".");
      return writeStream(res, Number(n), mode === "slow");
    }
    if (body.stream === true)
      return sendJson(res, 400, { error: { code: 400, message: "stream to /stream.<n>/v1" } });
    return sendJson(res, 200, CHAT_BODY);
  });
});
server.keepAliveTimeout = 30_000;

async function writeStream(res, n, slow) {
  const { bytes, cuts } = buildStream(n);
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    "x-generation-id": "gen-1763000000-StreamStreamStream01",
  });
  res.socket?.setNoDelay(true);
  let start = 0;
  for (const end of [...cuts, bytes.length]) {
    const ok = res.write(bytes.subarray(start, end));
    start = end;
    if (slow) await new Promise((r) => setTimeout(r, 1));
    else if (!ok) await new Promise((r) => res.once("drain", r));
    if (res.destroyed) return;
  }
  res.end();
}

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  // Warm the stream bodies so the first consumer doesn't pay for building them.
  buildStream(20_000);
  const info = {
    port,
    modelsBytes: Buffer.byteLength(MODELS_BODY),
    chatBytes: Buffer.byteLength(CHAT_BODY),
    streamBytes: buildStream(20_000).bytes.length,
    streamWrites: buildStream(20_000).cuts.length + 1,
    streamSplitWrites: buildStream(20_000).splitCount,
  };
  if (process.send) process.send({ type: "ready", ...info });
  else console.log(JSON.stringify(info));
});

const stop = () => {
  server.close();
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 200).unref();
};
process.on("disconnect", stop);
process.on("SIGTERM", stop);
setTimeout(() => {
  console.error("runtime bench server: hard time limit reached, exiting");
  process.exit(0);
}, HARD_LIMIT_MS);
