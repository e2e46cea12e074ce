// src/api-promise.ts
var APIPromise = class extends Promise {
  // Plain (not `#private`/`private`) members, hidden from the .d.ts by `stripInternal`: private
  // members make a class nominal, and then the APIPromise of one copy of core would not be
  // assignable to another copy's, breaking the structural `Client` contract.
  /** @internal */
  _raw;
  /** @internal */
  _parsed;
  constructor(raw) {
    super((resolve) => resolve(null));
    this._raw = raw;
  }
  // `then` on a subclass would otherwise construct an APIPromise without the private state.
  static get [Symbol.species]() {
    return Promise;
  }
  /** The raw `Response` with its body unread. Errors (non-2xx) still throw. Don't also await the data. */
  asResponse() {
    return this._raw.then((raw) => raw.response);
  }
  /** The parsed data together with the raw `Response` and request id. */
  withResponse() {
    this._parsed ??= this._raw.then(async (raw) => ({
      data: await raw.parse(),
      response: raw.response,
      requestId: raw.response.headers.get("x-request-id") ?? raw.response.headers.get("x-generation-id") ?? void 0
    }));
    return this._parsed;
  }
  then(onfulfilled, onrejected) {
    return this.withResponse().then((r) => r.data).then(onfulfilled, onrejected);
  }
  catch(onrejected) {
    return this.then(void 0, onrejected);
  }
  finally(onfinally) {
    return this.then().finally(onfinally);
  }
};

// src/errors/openrouter-error.ts
var ERROR_BRAND = /* @__PURE__ */ Symbol.for("@orkit/openrouter-core/error");
var OpenRouterError = class extends Error {
  /**
   * The public name of this class, which becomes `error.name`. A static rather than a statement
   * after the class (`defineErrorName(…)`), so that bundlers can drop an error class nobody uses:
   * the name is put on the prototype when the first instance is built. Subclasses set their own.
   */
  static errorName = "OpenRouterError";
  constructor(message, options) {
    super(message, options);
    nameErrorClasses(new.target);
  }
  /**
   * The class names from this error's class up to `OpenRouterError`, e.g.
   * `["RateLimitError", "APIError", "OpenRouterError"]`. Read by the cross-copy guards.
   */
  get [ERROR_BRAND]() {
    return errorNames(this);
  }
};
function defineErrorName(cls, name) {
  Object.defineProperty(cls.prototype, "name", {
    value: name,
    writable: true,
    configurable: true
  });
}
function nameErrorClasses(cls) {
  for (let c = cls; typeof c === "function" && c !== Error; c = Object.getPrototypeOf(c)) {
    const { prototype } = c;
    if (Object.hasOwn(c, "errorName") && !Object.hasOwn(prototype, "name")) {
      defineErrorName(c, c.errorName);
    }
  }
}
function errorClassName(cls) {
  return Object.hasOwn(cls, "errorName") ? cls.errorName : cls.prototype.name;
}
function errorNames(error) {
  const names = [];
  for (let proto = Object.getPrototypeOf(error); proto && proto !== Error.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.prototype.hasOwnProperty.call(proto, "name")) {
      names.push(proto.name);
    }
  }
  return names;
}
function hasErrorName(value, name) {
  if (typeof value !== "object" || value === null) return false;
  const names = value[ERROR_BRAND];
  return Array.isArray(names) && names.includes(name);
}

// src/errors/user-abort-error.ts
var UserAbortError = class extends OpenRouterError {
  static errorName = "UserAbortError";
  constructor(message = "Request was aborted.", options) {
    super(message, options);
  }
};
var ClientClosedError = class extends UserAbortError {
  static errorName = "ClientClosedError";
  constructor(message = "The OpenRouter client was closed; create a new client to send requests.") {
    super(message);
  }
};

// src/internal/env.ts
function readEnv(name) {
  const value = readRawEnv(name);
  return value?.trim() ? value : void 0;
}
function readRawEnv(name) {
  const g = globalThis;
  try {
    const fromProcess = g.process?.env?.[name];
    if (fromProcess !== void 0) return fromProcess;
    return g.Deno?.env?.get?.(name) ?? void 0;
  } catch {
    return void 0;
  }
}
function isTruthyEnv(value) {
  return value !== void 0 && ["1", "true", "yes", "on"].includes(value.trim().toLowerCase());
}

// src/internal/sleep.ts
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
function raceAbort(promise, signal) {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {
    });
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      }
    );
  });
}

// src/internal/redact.ts
var REDACTED = "[REDACTED]";
var KEY_LIKE = /sk-or-[A-Za-z0-9_-]{8,}/g;
var BEARER = /(Bearer\s+)[^\s"',;]+/gi;
function createRedactor(secrets) {
  const values = secrets.filter((s) => typeof s === "string" && s.length > 0);
  return (text) => {
    let out = text;
    for (const secret of values) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out.replace(KEY_LIKE, REDACTED).replace(BEARER, `$1${REDACTED}`);
  };
}
function redactDeep(value, redact, depth = 0) {
  if (typeof value === "string") return redact(value);
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact, depth + 1));
  if (!isPlainObject(value)) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) out[redact(k)] = redactDeep(v, redact, depth + 1);
  return out;
}
function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
function redactHeaders(headers, redact) {
  const out = new Headers();
  headers.forEach((value, key) => out.append(key, redact(value)));
  return out;
}

// src/logger.ts
var noop = () => {
};
var silentLogger = { debug: noop, info: noop, warn: noop, error: noop };
var consoleLogger = {
  debug: (message, ...args) => console.debug(`[openrouter] ${message}`, ...args),
  info: (message, ...args) => console.info(`[openrouter] ${message}`, ...args),
  warn: (message, ...args) => console.warn(`[openrouter] ${message}`, ...args),
  error: (message, ...args) => console.error(`[openrouter] ${message}`, ...args)
};
function resolveLogger(options) {
  if (options.logger) return options.logger;
  const debug = options.debug ?? isTruthyEnv(readEnv("OPENROUTER_DEBUG"));
  return debug ? consoleLogger : silentLogger;
}
function redactingLogger(logger, redact) {
  const wrap = (fn) => (message, ...args) => fn?.call(logger, redact(message), ...args.map((a) => redactDeep(a, redact)));
  const out = {
    debug: wrap(logger.debug),
    info: wrap(logger.info),
    warn: wrap(logger.warn),
    error: wrap(logger.error)
  };
  if (logger.trace) out.trace = wrap(logger.trace);
  return out;
}
var SENSITIVE_HEADERS = /* @__PURE__ */ new Set(["authorization", "cookie", "set-cookie", "proxy-authorization"]);
function headersForLog(headers, redact) {
  const out = {};
  for (const [key, value] of Object.entries(headers)) {
    out[key] = SENSITIVE_HEADERS.has(key.toLowerCase()) ? REDACTED : redact(value);
  }
  return out;
}

// src/rate-limit.ts
function parseRateLimitHeaders(source) {
  const headers = source instanceof Headers ? source : source.headers;
  const info = {};
  const limit = parseNumber(headers.get("x-ratelimit-limit"));
  const remaining = parseNumber(headers.get("x-ratelimit-remaining"));
  const reset = parseResetHeader(headers.get("x-ratelimit-reset"));
  if (limit !== void 0) info.limit = limit;
  if (remaining !== void 0) info.remaining = remaining;
  if (reset !== void 0) info.reset = new Date(reset);
  return info;
}
function parseResetHeader(value, now = Date.now()) {
  const n = parseNumber(value);
  if (n === void 0) return void 0;
  if (n >= 1e12) return n;
  if (n >= 1e9) return n * 1e3;
  return now + n * 1e3;
}
function parseNumber(value) {
  if (value === null || value.trim() === "") return void 0;
  const n = Number(value);
  return Number.isFinite(n) ? n : void 0;
}

// src/retry.ts
var DEFAULT_RETRY_OPTIONS = Object.freeze({
  initialDelayMs: 1e3,
  factor: 2,
  maxDelayMs: 6e4,
  maxRetryAfterMs: 6e4,
  jitter: "full"
});
function shouldRetryResponse(status, headers) {
  const hint = headers?.get("x-should-retry")?.trim().toLowerCase();
  if (hint === "true") return true;
  if (hint === "false") return false;
  return status === 408 || status === 409 || status === 429 || status >= 500 && status <= 599;
}
function serverRetryDelay(headers, now = Date.now()) {
  const ms = Number(headers.get("retry-after-ms") ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return { delayMs: ms, source: "retry-after-ms" };
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const delay = Number.isFinite(seconds) ? seconds * 1e3 : Date.parse(retryAfter) - now;
    if (Number.isFinite(delay) && delay >= 0) return { delayMs: delay, source: "retry-after" };
  }
  const reset = parseResetHeader(headers.get("x-ratelimit-reset"), now);
  if (reset !== void 0 && reset - now >= 0) {
    return { delayMs: reset - now, source: "x-ratelimit-reset" };
  }
  return void 0;
}
function backoffDelay(retryNumber, options, random = Math.random) {
  const exponential = options.initialDelayMs * options.factor ** Math.max(0, retryNumber - 1);
  const capped = Math.min(options.maxDelayMs, exponential);
  return options.jitter === "full" ? Math.floor(random() * capped) : capped;
}
function retryDelay(input) {
  const hint = input.headers ? serverRetryDelay(input.headers, input.now) : void 0;
  if (hint) {
    return { delayMs: Math.min(hint.delayMs, input.options.maxRetryAfterMs), source: hint.source };
  }
  return {
    delayMs: backoffDelay(input.retryNumber, input.options, input.random),
    source: "backoff"
  };
}

// src/options.ts
var DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
var DEFAULT_TIMEOUT_MS = 6e4;
var DEFAULT_IDLE_TIMEOUT_MS = 6e4;
var DEFAULT_MAX_RETRIES = 2;
var defaultFetch = (input, init) => globalThis.fetch(input, init);
function mergeOptions(base, override) {
  if (!override) return base;
  const merged = assignDefined({ ...base }, override);
  if (base.defaultHeaders || override.defaultHeaders) {
    merged.defaultHeaders = { ...base.defaultHeaders, ...override.defaultHeaders };
  }
  if (base.retry || override.retry) merged.retry = { ...base.retry, ...override.retry };
  return merged;
}
function resolveOptions(client, call) {
  const o = mergeOptions(client, call);
  const userFetch = o.fetch;
  return {
    apiKey: o.apiKey ?? readEnv("OPENROUTER_API_KEY"),
    baseURL: withoutTrailingSlash(o.baseURL ?? readEnv("OPENROUTER_BASE_URL") ?? DEFAULT_BASE_URL),
    httpReferer: o.httpReferer,
    appTitle: o.appTitle ?? o.xTitle,
    appCategories: o.appCategories,
    defaultHeaders: o.defaultHeaders ?? {},
    headers: call?.headers,
    fetch: userFetch ?? defaultFetch,
    timeout: o.timeout ?? DEFAULT_TIMEOUT_MS,
    idleTimeout: o.idleTimeout ?? DEFAULT_IDLE_TIMEOUT_MS,
    maxRetries: Math.max(0, Math.floor(o.maxRetries ?? DEFAULT_MAX_RETRIES)),
    retry: assignDefined({ ...DEFAULT_RETRY_OPTIONS }, o.retry),
    logger: resolveLogger(o),
    sleep: o.sleep ?? sleep,
    signal: call?.signal
  };
}
function withoutTrailingSlash(url) {
  return url.endsWith("/") ? url.slice(0, -1) : url;
}
function assignDefined(target, source) {
  for (const [key, value] of Object.entries(source ?? {})) {
    if (value !== void 0) target[key] = value;
  }
  return target;
}

// src/errors/api-error.ts
var APIError = class extends OpenRouterError {
  static errorName = "APIError";
  constructor(message, init) {
    super(message, init.cause === void 0 ? void 0 : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.metadata = init.metadata;
    this.providerName = init.providerName;
    this.headers = init.headers ?? new Headers();
    this.requestId = init.requestId;
    this.body = init.body;
  }
  /** A log-friendly shape: `JSON.stringify(error)` otherwise drops `name` and `message`. */
  toJSON() {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      providerName: this.providerName,
      metadata: this.metadata,
      body: this.body
    };
  }
};

// src/errors/status-errors.ts
var BadRequestError = class extends APIError {
};
var AuthenticationError = class extends APIError {
};
var PaymentRequiredError = class extends APIError {
};
var PermissionDeniedError = class extends APIError {
  constructor(message, init) {
    super(message, init);
    const reasons = init.metadata?.["reasons"];
    const flagged = init.metadata?.["flagged_input"];
    this.reasons = Array.isArray(reasons) ? reasons.filter((r) => typeof r === "string") : [];
    this.flaggedInput = typeof flagged === "string" ? flagged : void 0;
  }
};
var NotFoundError = class extends APIError {
};
var RequestTimeoutError = class extends APIError {
};
var ConflictError = class extends APIError {
};
var PayloadTooLargeError = class extends APIError {
};
var UnprocessableEntityError = class extends APIError {
};
var RateLimitError = class extends APIError {
};
var InternalServerError = class extends APIError {
};
var BadGatewayError = class extends APIError {
};
var ServiceUnavailableError = class extends APIError {
};
var EdgeNetworkTimeoutError = class extends APIError {
};
var ProviderOverloadedError = class extends APIError {
};
var STATUS_ERRORS = [
  [400, BadRequestError, "BadRequestError"],
  [401, AuthenticationError, "AuthenticationError"],
  [402, PaymentRequiredError, "PaymentRequiredError"],
  [403, PermissionDeniedError, "PermissionDeniedError"],
  [404, NotFoundError, "NotFoundError"],
  [408, RequestTimeoutError, "RequestTimeoutError"],
  [409, ConflictError, "ConflictError"],
  [413, PayloadTooLargeError, "PayloadTooLargeError"],
  [422, UnprocessableEntityError, "UnprocessableEntityError"],
  [429, RateLimitError, "RateLimitError"],
  [500, InternalServerError, "InternalServerError"],
  [502, BadGatewayError, "BadGatewayError"],
  [503, ServiceUnavailableError, "ServiceUnavailableError"],
  [524, EdgeNetworkTimeoutError, "EdgeNetworkTimeoutError"],
  [529, ProviderOverloadedError, "ProviderOverloadedError"]
];
var byStatus = /* @__PURE__ */ new Map();
for (const [status, cls, name] of STATUS_ERRORS) {
  defineErrorName(cls, name);
  byStatus.set(status, cls);
}
function errorClassForStatus(status) {
  return byStatus.get(status) ?? (status >= 500 && status <= 599 ? InternalServerError : APIError);
}

// src/errors/create-api-error.ts
var MAX_TEXT = 200;
function createAPIError(src) {
  const body = redactDeep(src.body, src.redact);
  const root = isObject(body) ? body : void 0;
  const err = root && isObject(root["error"]) ? root["error"] : root;
  const metadata = err && isObject(err["metadata"]) ? parseRawMetadata(err["metadata"]) : void 0;
  const providerName = asString(metadata?.["provider_name"]);
  const code = pickCode(err, root, src.status);
  const inBandStatus = src.inBand ? httpLikeStatus(code) : 0;
  const status = inBandStatus || src.status;
  const cls = inBandStatus === void 0 ? APIError : errorClassForStatus(status);
  const serverMessage = asString(err?.["message"]) ?? asString(root?.["message"]) ?? asString(root?.["error"]) ?? (typeof body === "string" ? summarizeText(body) : void 0);
  const message = src.redact(
    [
      String(status),
      serverMessage || (body === void 0 || body === "" ? "status code (no body)" : void 0),
      providerSuffix(providerName, metadata?.["raw"])
    ].filter(Boolean).join(" ")
  );
  const headers = src.headers ? redactHeaders(src.headers, src.redact) : void 0;
  return new cls(message, {
    status,
    code,
    metadata,
    providerName,
    headers,
    requestId: headers?.get("x-request-id") ?? headers?.get("x-generation-id") ?? asString(root?.["id"]),
    body,
    cause: src.cause
  });
}
function parseErrorText(text) {
  const trimmed = text.trim();
  if (!trimmed) return void 0;
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(trimmed);
    } catch {
    }
  }
  return text;
}
function isErrorPayload(value) {
  return isObject(value) && isObject(value["error"]) && !["choices", "data", "output", "object", "results"].some((k) => k in value);
}
function isStreamErrorEvent(value) {
  return isObject(value) && (isObject(value["error"]) || value["type"] === "error");
}
function pickCode(err, root, status) {
  for (const candidate of [
    err?.["code"],
    err?.["http_status"],
    err?.["error_type"],
    root?.["http_status"],
    root?.["error_type"]
  ]) {
    if (typeof candidate === "number" || typeof candidate === "string" && candidate) {
      return candidate;
    }
  }
  return status;
}
function httpLikeStatus(code) {
  const n = typeof code === "number" || /^\d{3}$/.test(code) ? Number(code) : NaN;
  return Number.isInteger(n) && n >= 400 && n <= 599 ? n : void 0;
}
function parseRawMetadata(metadata) {
  const raw = metadata["raw"];
  if (typeof raw !== "string") return metadata;
  const parsed = parseErrorText(raw);
  return isObject(parsed) || Array.isArray(parsed) ? { ...metadata, raw: parsed } : metadata;
}
function providerSuffix(providerName, raw) {
  const rawMessage = rawProviderMessage(raw);
  return providerName ? `[${providerName}]${rawMessage ? ` ${rawMessage}` : ""}` : rawMessage;
}
function rawProviderMessage(raw) {
  if (typeof raw === "string") return truncate(raw.trim(), 300) || void 0;
  if (isObject(raw)) {
    const error = raw["error"];
    const message = (isObject(error) ? asString(error["message"]) : asString(error)) ?? asString(raw["message"]) ?? asString(raw["detail"]);
    if (message) return truncate(message, 300);
  } else if (!Array.isArray(raw)) return void 0;
  return truncate(JSON.stringify(raw), 300);
}
function summarizeText(text) {
  const stripped = /<[a-z!/]/i.test(text) ? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ") : text;
  return truncate(stripped.replace(/\s+/g, " ").trim(), MAX_TEXT);
}
function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max)}\u2026` : text;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function asString(value) {
  return typeof value === "string" && value ? value : void 0;
}

// src/errors/response-parse-error.ts
var ResponseParseError = class extends OpenRouterError {
  static errorName = "ResponseParseError";
  constructor(message, raw, options) {
    super(message, options);
    this.raw = raw.length > 1e3 ? `${raw.slice(0, 1e3)}\u2026` : raw;
  }
};

// src/errors/connection-error.ts
var ConnectionError = class extends OpenRouterError {
  static errorName = "ConnectionError";
  constructor(message = "Connection error.", options) {
    super(message, options);
  }
};

// src/errors/timeout-error.ts
var TimeoutError = class extends OpenRouterError {
  static errorName = "TimeoutError";
  constructor(message = "Request timed out.", options) {
    super(message, options);
  }
};

// src/internal/idle-timer.ts
function createIdleTimer(ms, onIdle) {
  const enabled = ms > 0 && ms < Infinity;
  let timer;
  let deadline = 0;
  const fire2 = () => {
    timer = void 0;
    if (!deadline) return;
    const left = deadline - Date.now();
    if (left > 0) timer = setTimeout(fire2, left);
    else {
      deadline = 0;
      onIdle();
    }
  };
  return {
    /** Starts (or restarts) the countdown. */
    start: () => {
      if (!enabled) return;
      deadline = Date.now() + ms;
      timer ??= setTimeout(fire2, ms);
    },
    /** Stops counting; the underlying timer may stay armed until `stop()` or its next expiry. */
    pause: () => {
      deadline = 0;
    },
    /** Stops counting and clears the underlying timer. */
    stop: () => {
      deadline = 0;
      clearTimeout(timer);
      timer = void 0;
    },
    /** Restarts the countdown if it is running: bytes arrived. */
    touch: () => {
      if (deadline) deadline = Date.now() + ms;
    }
  };
}

// src/internal/read-body.ts
function guardReads(reader, controller, ctx, idleMessage) {
  const idle = createIdleTimer(
    ctx.idleTimeout,
    () => controller.abort(new TimeoutError(idleMessage))
  );
  const signals = [controller.signal, ctx.signal];
  const onAbort = () => void reader.cancel().catch(() => {
  });
  for (const s of signals) s?.addEventListener("abort", onAbort);
  const check = () => {
    const aborted = signals.find((s) => s?.aborted);
    if (aborted) throw mapReadError(aborted.reason, controller, ctx);
  };
  return {
    /** Restarts the idle countdown if it is running: bytes arrived. */
    touch: idle.touch,
    async read() {
      check();
      idle.start();
      let result;
      try {
        result = await reader.read();
      } catch (error) {
        throw mapReadError(error, controller, ctx);
      } finally {
        idle.pause();
      }
      check();
      return result;
    },
    /** Stops the timer and removes the listeners. Idempotent. */
    done() {
      idle.stop();
      for (const s of signals) s?.removeEventListener("abort", onAbort);
    }
  };
}
async function readBodyText(response, controller, ctx) {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const reads = guardReads(
    reader,
    controller,
    ctx,
    `No response data received for ${ctx.idleTimeout}ms.`
  );
  const chunks = [];
  let finished = false;
  try {
    for (let result; !(result = await reads.read()).done; ) chunks.push(result.value);
    finished = true;
  } finally {
    reads.done();
    if (!finished) reader.cancel().catch(() => {
    });
    else reader.releaseLock();
  }
  if (chunks.length <= 1) return chunks.length ? utf8.decode(chunks[0]) : "";
  let size = 0;
  for (const chunk of chunks) size += chunk.byteLength;
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return utf8.decode(joined);
}
var utf8 = new TextDecoder();
function mapReadError(error, controller, ctx) {
  const external = ctx.abortError();
  if (external) return external;
  const reason = controller.signal.reason;
  if (controller.signal.aborted && reason instanceof Error) return reason;
  return new ConnectionError("Connection lost while reading the response body.", { cause: error });
}

// src/sse/parse.ts
function createParser(callbacks) {
  let fragments = [];
  let skipLeadingLF = false;
  let atStreamStart = true;
  let data;
  let eventName;
  let lastId;
  function feed(input) {
    let chunk = input;
    if (atStreamStart && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 65279) chunk = chunk.slice(1);
      atStreamStart = false;
    }
    let lineStart = 0;
    const length = chunk.length;
    if (skipLeadingLF && length > 0) {
      if (chunk.charCodeAt(0) === 10) lineStart = 1;
      skipLeadingLF = false;
    }
    let lf = chunk.indexOf("\n", lineStart);
    let cr = chunk.indexOf("\r", lineStart);
    while (lf !== -1 || cr !== -1) {
      let end;
      let next;
      if (cr === -1 || lf !== -1 && lf < cr) {
        end = lf;
        next = lf + 1;
      } else {
        end = cr;
        if (cr + 1 < length) {
          next = chunk.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        } else {
          next = cr + 1;
          skipLeadingLF = true;
        }
      }
      let line;
      if (fragments.length === 0) {
        line = chunk.slice(lineStart, end);
      } else {
        fragments.push(chunk.slice(lineStart, end));
        line = fragments.join("");
        fragments = [];
      }
      lineStart = next;
      processLine(line);
      if (lf !== -1 && lf < next) lf = chunk.indexOf("\n", next);
      if (cr !== -1 && cr < next) cr = chunk.indexOf("\r", next);
    }
    if (lineStart < length) fragments.push(chunk.slice(lineStart));
  }
  function processLine(line) {
    const length = line.length;
    if (length === 0) {
      dispatch();
      return;
    }
    const first = line.charCodeAt(0);
    if (first === 58) {
      callbacks.onComment?.(line.charCodeAt(1) === 32 ? line.slice(2) : line.slice(1));
      return;
    }
    if (first === 100 && line.charCodeAt(4) === 58 && line.charCodeAt(1) === 97 && line.charCodeAt(2) === 116 && line.charCodeAt(3) === 97) {
      pushData(line.slice(line.charCodeAt(5) === 32 ? 6 : 5));
      return;
    }
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case "data":
        pushData(value);
        break;
      case "event":
        eventName = value;
        break;
      case "id":
        if (!value.includes("\0")) lastId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) callbacks.onRetry?.(Number(value));
        break;
      default:
        break;
    }
  }
  function pushData(value) {
    if (data === void 0) data = value;
    else if (typeof data === "string") data = [data, value];
    else data.push(value);
  }
  function dispatch() {
    if (data !== void 0) {
      const joined = typeof data === "string" ? data : data.join("\n");
      data = void 0;
      callbacks.onEvent({ event: eventName || void 0, data: joined, id: lastId });
    }
    eventName = void 0;
  }
  function reset(options) {
    if (options?.consume) {
      if (fragments.length > 0) processLine(fragments.join(""));
      dispatch();
    }
    fragments = [];
    data = void 0;
    eventName = void 0;
    lastId = void 0;
    skipLeadingLF = false;
    atStreamStart = true;
  }
  return { feed, reset };
}

// src/sse/events.ts
var Stream = class _Stream {
  constructor(iterate, controller, response) {
    this.response = response;
    this.controller = controller;
    this._iterate = iterate;
    this._consumed = false;
  }
  /** A stream over an SSE response; events are decoded lazily, when iteration starts. */
  static fromSSEResponse(response, controller, context) {
    return new _Stream(
      () => iterateEvents(response, controller, context),
      controller,
      response
    );
  }
  [Symbol.asyncIterator]() {
    if (this._consumed) {
      throw new OpenRouterError(
        "This stream was already iterated; a Stream has a single consumer. Call stream.tee() before iterating to read it twice."
      );
    }
    this._consumed = true;
    return this._iterate();
  }
  /**
   * Splits the stream into two independent streams over the same events; this stream is consumed.
   * The request is aborted only once both branches have stopped early.
   */
  tee() {
    const source = this[Symbol.asyncIterator]();
    const queues = [[], []];
    const active = [true, true];
    const branch = (i) => ({
      next: () => {
        if (!active[i]) return Promise.resolve({ done: true, value: void 0 });
        if (queues[i].length === 0) {
          const next = source.next();
          queues.forEach((q, j) => active[j] && q.push(next));
        }
        return queues[i].shift();
      },
      return: async () => {
        active[i] = false;
        queues[i].length = 0;
        if (!active[1 - i]) await source.return?.();
        return { done: true, value: void 0 };
      }
    });
    return [
      new _Stream(() => branch(0), this.controller, this.response),
      new _Stream(() => branch(1), this.controller, this.response)
    ];
  }
  /**
   * The events as newline-delimited JSON bytes (one `JSON.stringify(event)` per line), e.g. to
   * relay a stream from a server route to a browser. Cancelling the result aborts the request.
   */
  toReadableStream() {
    const iterator = this[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    return new ReadableStream({
      async pull(controller) {
        try {
          const result = await iterator.next();
          if (result.done) controller.close();
          else controller.enqueue(encoder.encode(`${JSON.stringify(result.value)}
`));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      }
    });
  }
};
async function* iterateEvents(response, controller, ctx) {
  let reads;
  let reader;
  let finished = false;
  try {
    if (!response.body) return;
    reader = response.body.getReader();
    reads = guardReads(
      reader,
      controller,
      ctx,
      `Stream idle: no data received for ${ctx.idleTimeout}ms.`
    );
    const decoder = new TextDecoder();
    const queue = [];
    let head = 0;
    const parser = createParser({ onEvent: (message) => void queue.push(message) });
    let ended = false;
    for (; ; ) {
      if (head === queue.length) {
        if (ended) {
          finished = true;
          return;
        }
        queue.length = 0;
        head = 0;
        const result = await reads.read();
        if (result.done) {
          parser.feed(decoder.decode());
          parser.reset({ consume: true });
          ended = true;
        } else {
          parser.feed(decoder.decode(result.value, { stream: true }));
        }
        continue;
      }
      const message = queue[head];
      queue[head++] = void 0;
      if (message.data === "[DONE]") {
        finished = true;
        return;
      }
      const data = parseData(message, ctx.redact);
      if (isStreamErrorEvent(data)) {
        throw createAPIError({
          status: response.status,
          headers: response.headers,
          body: data,
          redact: ctx.redact,
          inBand: true
        });
      }
      yield data;
    }
  } finally {
    reads?.done();
    if (reader) {
      if (!finished) controller.abort();
      reader.cancel().catch(() => {
      });
    }
    ctx.settle?.();
  }
}
function parseData(message, redact) {
  try {
    return JSON.parse(message.data);
  } catch (error) {
    const raw = redact(message.data);
    const shown = raw.length > 200 ? `${raw.slice(0, 200)}\u2026` : raw;
    const event = message.event ? ` (event "${message.event}")` : "";
    throw new ResponseParseError(`Stream event data${event} is not valid JSON: ${shown}`, raw, {
      cause: error
    });
  }
}

// src/response.ts
async function readResponse(sent, kind) {
  const { response } = sent;
  switch (kind) {
    case "binary":
      return response;
    case "sse":
      if (!/\bjson\b/i.test(response.headers.get("content-type") ?? "")) {
        return Stream.fromSSEResponse(response, sent.controller, sent);
      }
      break;
  }
  try {
    switch (kind) {
      case "empty":
        await response.body?.cancel().catch(() => {
        });
        return void 0;
      case "text":
        return await readBodyText(response, sent.controller, sent);
      case "sse":
        return await readJson(sent, "an event stream");
      default:
        return await readJson(sent);
    }
  } finally {
    sent.settle();
  }
}
async function readJson(sent, expected) {
  const { response, logger, operation, redact } = sent;
  const text = await readBodyText(response, sent.controller, sent);
  if (logger.trace) logger.trace(`${operation.operationId} response body`, text);
  const trimmed = text.trim();
  if (!trimmed) return void 0;
  let data;
  try {
    data = JSON.parse(trimmed);
  } catch (error) {
    throw new ResponseParseError(
      `${operation.operationId}: response body is not valid JSON: ${redact(trimmed.slice(0, 200))}`,
      redact(trimmed),
      { cause: error }
    );
  }
  if (isErrorPayload(data)) {
    throw createAPIError({
      status: response.status,
      headers: response.headers,
      body: data,
      redact,
      inBand: true
    });
  }
  if (expected) {
    throw new ResponseParseError(
      `${operation.operationId}: expected ${expected}, got ${response.headers.get("content-type")}.`,
      redact(trimmed)
    );
  }
  return data;
}

// ../../node_modules/.pnpm/openapi-fetch@0.17.0/node_modules/openapi-fetch/dist/index.mjs
var PATH_PARAM_RE = /\{[^{}]+\}/g;
function serializePrimitiveParam(name, value, options) {
  if (value === void 0 || value === null) {
    return "";
  }
  if (typeof value === "object") {
    throw new Error(
      "Deeply-nested arrays/objects aren\u2019t supported. Provide your own `querySerializer()` to handle these."
    );
  }
  return `${name}=${options?.allowReserved === true ? value : encodeURIComponent(value)}`;
}
function serializeObjectParam(name, value, options) {
  if (!value || typeof value !== "object") {
    return "";
  }
  const values = [];
  const joiner = {
    simple: ",",
    label: ".",
    matrix: ";"
  }[options.style] || "&";
  if (options.style !== "deepObject" && options.explode === false) {
    for (const k in value) {
      values.push(k, options.allowReserved === true ? value[k] : encodeURIComponent(value[k]));
    }
    const final2 = values.join(",");
    switch (options.style) {
      case "form": {
        return `${name}=${final2}`;
      }
      case "label": {
        return `.${final2}`;
      }
      case "matrix": {
        return `;${name}=${final2}`;
      }
      default: {
        return final2;
      }
    }
  }
  for (const k in value) {
    const finalName = options.style === "deepObject" ? `${name}[${k}]` : k;
    values.push(serializePrimitiveParam(finalName, value[k], options));
  }
  const final = values.join(joiner);
  return options.style === "label" || options.style === "matrix" ? `${joiner}${final}` : final;
}
function serializeArrayParam(name, value, options) {
  if (!Array.isArray(value)) {
    return "";
  }
  if (options.explode === false) {
    const joiner2 = { form: ",", spaceDelimited: "%20", pipeDelimited: "|" }[options.style] || ",";
    const final = (options.allowReserved === true ? value : value.map((v) => encodeURIComponent(v))).join(joiner2);
    switch (options.style) {
      case "simple": {
        return final;
      }
      case "label": {
        return `.${final}`;
      }
      case "matrix": {
        return `;${name}=${final}`;
      }
      // case "spaceDelimited":
      // case "pipeDelimited":
      default: {
        return `${name}=${final}`;
      }
    }
  }
  const joiner = { simple: ",", label: ".", matrix: ";" }[options.style] || "&";
  const values = [];
  for (const v of value) {
    if (options.style === "simple" || options.style === "label") {
      values.push(options.allowReserved === true ? v : encodeURIComponent(v));
    } else {
      values.push(serializePrimitiveParam(name, v, options));
    }
  }
  return options.style === "label" || options.style === "matrix" ? `${joiner}${values.join(joiner)}` : values.join(joiner);
}
function createQuerySerializer(options) {
  return function querySerializer2(queryParams) {
    const search = [];
    if (queryParams && typeof queryParams === "object") {
      for (const name in queryParams) {
        const value = queryParams[name];
        if (value === void 0 || value === null) {
          continue;
        }
        if (Array.isArray(value)) {
          if (value.length === 0) {
            continue;
          }
          search.push(
            serializeArrayParam(name, value, {
              style: "form",
              explode: true,
              ...options?.array,
              allowReserved: options?.allowReserved || false
            })
          );
          continue;
        }
        if (typeof value === "object") {
          search.push(
            serializeObjectParam(name, value, {
              style: "deepObject",
              explode: true,
              ...options?.object,
              allowReserved: options?.allowReserved || false
            })
          );
          continue;
        }
        search.push(serializePrimitiveParam(name, value, options));
      }
    }
    return search.join("&");
  };
}
function defaultPathSerializer(pathname, pathParams) {
  let nextURL = pathname;
  for (const match of pathname.match(PATH_PARAM_RE) ?? []) {
    let name = match.substring(1, match.length - 1);
    let explode = false;
    let style = "simple";
    if (name.endsWith("*")) {
      explode = true;
      name = name.substring(0, name.length - 1);
    }
    if (name.startsWith(".")) {
      style = "label";
      name = name.substring(1);
    } else if (name.startsWith(";")) {
      style = "matrix";
      name = name.substring(1);
    }
    if (!pathParams || pathParams[name] === void 0 || pathParams[name] === null) {
      continue;
    }
    const value = pathParams[name];
    if (Array.isArray(value)) {
      nextURL = nextURL.replace(match, serializeArrayParam(name, value, { style, explode }));
      continue;
    }
    if (typeof value === "object") {
      nextURL = nextURL.replace(match, serializeObjectParam(name, value, { style, explode }));
      continue;
    }
    if (style === "matrix") {
      nextURL = nextURL.replace(match, `;${serializePrimitiveParam(name, value)}`);
      continue;
    }
    nextURL = nextURL.replace(match, style === "label" ? `.${encodeURIComponent(value)}` : encodeURIComponent(value));
  }
  return nextURL;
}
function defaultBodySerializer(body, headers) {
  if (body instanceof FormData) {
    return body;
  }
  if (headers) {
    const contentType = headers.get instanceof Function ? headers.get("Content-Type") ?? headers.get("content-type") : headers["Content-Type"] ?? headers["content-type"];
    if (contentType === "application/x-www-form-urlencoded") {
      return new URLSearchParams(body).toString();
    }
  }
  return JSON.stringify(body);
}
function createFinalURL(pathname, options) {
  let finalURL = `${options.baseUrl}${pathname}`;
  if (options.params?.path) {
    finalURL = options.pathSerializer(finalURL, options.params.path);
  }
  let search = options.querySerializer(options.params.query ?? {});
  if (search.startsWith("?")) {
    search = search.substring(1);
  }
  if (search) {
    finalURL += `?${search}`;
  }
  return finalURL;
}

// src/errors/missing-api-key-error.ts
var MissingApiKeyError = class extends OpenRouterError {
  static errorName = "MissingApiKeyError";
  constructor(message = "No OpenRouter API key: pass `apiKey` to the client or set the OPENROUTER_API_KEY environment variable.") {
    super(message);
  }
};

// src/version.ts
var VERSION = "0.1.0";

// src/internal/merge-headers.ts
function mergeHeaders(...sources) {
  const out = {};
  for (const source of sources) {
    if (!source) continue;
    const entries = source instanceof Headers ? source : Object.entries(source);
    for (const [key, value] of entries) {
      const name = key.toLowerCase();
      if (value === null) delete out[name];
      else if (value !== void 0) out[name] = value;
    }
  }
  return out;
}

// src/internal/build-headers.ts
var ACCEPT = {
  json: "application/json",
  sse: "text/event-stream"
};
function buildHeaders(options, apiKey, req) {
  return mergeHeaders(
    {
      Accept: ACCEPT[req.response],
      Authorization: `Bearer ${apiKey}`,
      "X-OpenRouter-SDK": `orkit-ts/${VERSION}`,
      "HTTP-Referer": options.httpReferer,
      // Both spellings: X-OpenRouter-Title is current, X-Title is what older docs and SDKs send.
      "X-OpenRouter-Title": options.appTitle,
      "X-Title": options.appTitle,
      "X-OpenRouter-Categories": options.appCategories?.length ? options.appCategories.join(",") : void 0
    },
    options.defaultHeaders,
    req.headers,
    options.headers
  );
}

// src/internal/any-signal.ts
var noop2 = () => {
};
var fanOuts = /* @__PURE__ */ new WeakMap();
function fire() {
  const targets = fanOuts.get(this);
  fanOuts.delete(this);
  for (const onAbort of [...targets ?? []]) onAbort(this.reason);
}
function linkAbort(source, onAbort) {
  if (source.aborted) {
    onAbort(source.reason);
    return noop2;
  }
  let targets = fanOuts.get(source);
  if (!targets) {
    fanOuts.set(source, targets = /* @__PURE__ */ new Set());
    source.addEventListener("abort", fire, { once: true });
  }
  targets.add(onAbort);
  return () => {
    if (targets.delete(onAbort) && !targets.size && fanOuts.get(source) === targets) {
      fanOuts.delete(source);
      source.removeEventListener("abort", fire);
    }
  };
}

// src/internal/request-scope.ts
var registry;
function createScope(userSignal, closeSignals) {
  const signals = [userSignal, ...closeSignals];
  let current = new AbortController();
  let used = false;
  let unlinks = link(signals, () => current);
  const detach = () => {
    for (const unlink of unlinks) unlink?.();
    unlinks = [];
  };
  let token;
  return {
    signal: current.signal,
    abortError: () => closeSignals.some((s) => s.aborted) ? new ClientClosedError() : userSignal?.aborted ? new UserAbortError(void 0, { cause: userSignal.reason }) : void 0,
    attempt() {
      if (used) this.renew();
      used = true;
      return current;
    },
    renew() {
      const aborted = signals.find((s) => s?.aborted);
      current = new AbortController();
      used = false;
      if (aborted) current.abort(aborted.reason);
      this.signal = current.signal;
    },
    settle: () => {
      detach();
      if (token) registry?.unregister(token);
      token = void 0;
    },
    handOver: (response) => {
      if (token || typeof FinalizationRegistry !== "function") return;
      token = {};
      (registry ??= new FinalizationRegistry((unlink) => unlink())).register(
        response,
        detach,
        token
      );
    }
  };
}
function link(signals, current) {
  const onAbort = (reason) => current().abort(reason);
  return signals.map((s) => s ? linkAbort(s, onAbort) : void 0);
}

// src/internal/retrying-fetch.ts
async function retryingFetch(ctx, input) {
  const { options, logger, logging, redact } = ctx;
  const { operationId } = ctx.operation;
  const maxAttempts = options.maxRetries + 1;
  const { method, url, headers, body } = input;
  const logURL = logging ? redact(url) : "";
  if (body !== void 0 && logging && logger.trace)
    logger.trace(`${operationId} request body`, describeBody(body, headers));
  const backoff = async (attempt, responseHeaders, reason) => {
    const { delayMs, source } = retryDelay({
      retryNumber: attempt,
      options: options.retry,
      headers: responseHeaders
    });
    if (logging)
      logger.info(
        `${operationId}: retrying after ${reason} in ${delayMs}ms (${source}); next attempt ${attempt + 1}/${maxAttempts}`
      );
    try {
      await raceAbort(options.sleep(delayMs, ctx.signal), ctx.signal);
    } catch (error) {
      throw ctx.abortError() ?? error;
    }
  };
  for (let attempt = 1; ; attempt++) {
    const cancelled = ctx.abortError();
    if (cancelled) throw cancelled;
    const controller = ctx.attempt();
    const init = { method, headers, body, signal: controller.signal };
    const timer = createIdleTimer(
      options.timeout,
      () => controller.abort(
        new TimeoutError(`${operationId}: no response headers within ${options.timeout}ms.`)
      )
    );
    timer.start();
    if (logging)
      logger.debug(`\u2192 ${method} ${logURL} (${operationId}, attempt ${attempt}/${maxAttempts})`, {
        headers: headersForLog(headers, redact)
      });
    const started = logging ? Date.now() : 0;
    let response;
    try {
      response = await options.fetch(url, init);
    } catch (error) {
      const external = ctx.abortError();
      if (external) throw external;
      if (attempt === 1) assertValidRequest(url, method, headers);
      const reason = controller.signal.reason;
      const failure = controller.signal.aborted && reason instanceof OpenRouterError ? reason : new ConnectionError(`${operationId}: connection error (${describe(error)}).`, {
        cause: error
      });
      if (logging)
        logger.debug(`\u2717 ${method} ${logURL} after ${Date.now() - started}ms: ${failure.message}`);
      if (attempt >= maxAttempts) throw failure;
      ctx.renew();
      await backoff(attempt, void 0, failure.name);
      continue;
    } finally {
      timer.stop();
    }
    const { status } = response;
    if (logging)
      logger.debug(`\u2190 ${status} ${method} ${logURL} in ${Date.now() - started}ms`, {
        requestId: response.headers.get("x-request-id") ?? response.headers.get("x-generation-id")
      });
    if (response.ok) {
      ctx.controller = controller;
      return response;
    }
    const responseHeaders = response.headers;
    if (attempt < maxAttempts && shouldRetryResponse(status, responseHeaders)) {
      response.body?.cancel().catch(() => {
      });
      ctx.renew();
      await backoff(attempt, responseHeaders, `status ${status}`);
      continue;
    }
    let text = "";
    let cause;
    try {
      text = await readBodyText(response, controller, ctx);
    } catch (error) {
      cause = error;
      const external = ctx.abortError();
      if (external) throw external;
    }
    if (text && logging && logger.trace) logger.trace(`${operationId} error body`, text);
    throw createAPIError({
      status,
      headers: responseHeaders,
      body: parseErrorText(text),
      redact,
      cause
    });
  }
}
function assertValidRequest(url, method, headers) {
  new Request(url, { method, headers });
}
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const detail = cause instanceof Error ? `: ${cause.code ?? cause.message}` : "";
  return `${error.message}${detail}`;
}
function describeBody(body, headers) {
  if (typeof body === "string") return body;
  const type = headers["content-type"] ?? "";
  return /json|text/.test(type) ? new TextDecoder().decode(body) : `<${body.byteLength} bytes ${type}>`;
}

// src/request.ts
async function sendRequest(req, options, closeSignals) {
  const scope = createScope(options.signal, closeSignals);
  try {
    const cancelled = scope.abortError();
    if (cancelled) throw cancelled;
    const url = (req.buildURL ?? plainURL)(req, options.baseURL);
    const source = options.apiKey;
    const apiKey = checkApiKey(typeof source === "function" ? await source() : source);
    const redact = createRedactor([apiKey]);
    const logging = options.logger !== silentLogger;
    const ctx = scope;
    ctx.operation = req;
    ctx.options = options;
    ctx.idleTimeout = options.idleTimeout;
    ctx.logger = logging ? redactingLogger(options.logger, redact) : silentLogger;
    ctx.logging = logging;
    ctx.redact = redact;
    const prepared = prepareRequest(req, url, buildHeaders(options, apiKey, req));
    const sent = ctx;
    sent.response = await retryingFetch(ctx, await prepared);
    return sent;
  } catch (error) {
    scope.settle();
    throw error;
  }
}
function checkApiKey(key) {
  if (typeof key !== "string" || key.trim() === "") throw new MissingApiKeyError();
  return key.trim();
}
function plainURL(req, baseURL) {
  if (req.pathParams || req.query) {
    throw new OpenRouterError(
      `${req.operationId}: pathParams and query need a URL builder; pass \`buildURL: paramsURL\`.`
    );
  }
  return baseURL + req.path;
}
function prepareRequest(req, url, headers) {
  const method = req.method.toUpperCase();
  const body = req.body;
  if (body === void 0) return { url, method, headers, body: void 0 };
  const serialized = defaultBodySerializer(
    body,
    headers
  );
  if (typeof serialized === "string") {
    headers["content-type"] ??= "application/json";
    return { url, method, headers, body: serialized };
  }
  const request = new Request(url, { method, body: serialized, headers });
  return request.arrayBuffer().then((bytes) => {
    const withBoundary = {};
    request.headers.forEach((value, key) => withBoundary[key] = value);
    return { url, method, headers: withBoundary, body: bytes };
  });
}

// src/client.ts
var asyncDispose = Symbol.asyncDispose ?? /* @__PURE__ */ Symbol.for("Symbol.asyncDispose");
var OpenRouterClient = class {
  #closer = new AbortController();
  // This client's close signal, then its parent's, and so on: a derived client is closed when any
  // of them is. Requests listen to them all while in flight; nothing is registered on a parent
  // when deriving, so clients derived per call never accumulate on it.
  #closeSignals = [this.#closer.signal];
  // This client's options with every default applied (environment variables read once, at the
  // first request): calls without per-call options reuse them instead of resolving again.
  #resolved;
  constructor(options = {}) {
    this.options = Object.freeze({ ...options });
  }
  /** True after `close()` (of this client or the client it was derived from). */
  get closed() {
    return this.#closeSignals.some((signal) => signal.aborted);
  }
  /**
   * Sends one operation. Generated code calls this; you rarely need to. Per-call `options` override
   * any client option for this request only.
   */
  request(req, options) {
    const raw = (async () => {
      if (this.closed) throw new ClientClosedError();
      const resolved = options ? resolveOptions(this.options, options) : this.#resolved ??= resolveOptions(this.options);
      const sent = await sendRequest(req, resolved, this.#closeSignals);
      sent.handOver(sent.response);
      return { response: sent.response, parse: () => readResponse(sent, req.response) };
    })();
    return new APIPromise(raw);
  }
  /**
   * A client of the same class with some options replaced (`defaultHeaders` and `retry` are merged).
   * The derived client is closed when this one is.
   */
  withOptions(options) {
    const Ctor = this.constructor;
    const derived = new Ctor(mergeOptions({ ...this.options }, options));
    derived.#closeSignals = [derived.#closer.signal, ...this.#closeSignals];
    return derived;
  }
  /**
   * Aborts every in-flight request and open stream of this client (they reject with
   * ClientClosedError) and makes later requests fail the same way. Idempotent.
   */
  async close() {
    if (!this.#closer.signal.aborted) this.#closer.abort(new ClientClosedError());
  }
  /** `await using client = createClient()` closes the client at the end of the scope. */
  [asyncDispose]() {
    return this.close();
  }
};
function createClient(options) {
  return new OpenRouterClient(options);
}

// src/errors/path-parameter-error.ts
var PathParameterError = class extends OpenRouterError {
  static errorName = "PathParameterError";
  constructor(message, parameter) {
    super(message);
    this.parameter = parameter;
  }
};

// src/errors/guards.ts
function createErrorGuard(cls) {
  const name = errorClassName(cls);
  return (e) => e instanceof cls || hasErrorName(e, name);
}
var isOpenRouterError = /* @__PURE__ */ createErrorGuard(OpenRouterError);
var isAPIError = /* @__PURE__ */ createErrorGuard(APIError);
var isBadRequestError = /* @__PURE__ */ createErrorGuard(BadRequestError);
var isInvalidRequestError = isBadRequestError;
var isAuthenticationError = /* @__PURE__ */ createErrorGuard(AuthenticationError);
var isPaymentRequiredError = /* @__PURE__ */ createErrorGuard(PaymentRequiredError);
var isPermissionDeniedError = /* @__PURE__ */ createErrorGuard(
  PermissionDeniedError
);
var isNotFoundError = /* @__PURE__ */ createErrorGuard(NotFoundError);
var isModelNotFoundError = isNotFoundError;
var isRequestTimeoutError = /* @__PURE__ */ createErrorGuard(RequestTimeoutError);
var isConflictError = /* @__PURE__ */ createErrorGuard(ConflictError);
var isPayloadTooLargeError = /* @__PURE__ */ createErrorGuard(PayloadTooLargeError);
var isUnprocessableEntityError = /* @__PURE__ */ createErrorGuard(
  UnprocessableEntityError
);
var isRateLimitError = /* @__PURE__ */ createErrorGuard(RateLimitError);
var isInternalServerError = /* @__PURE__ */ createErrorGuard(InternalServerError);
var isBadGatewayError = /* @__PURE__ */ createErrorGuard(BadGatewayError);
var isServiceUnavailableError = /* @__PURE__ */ createErrorGuard(
  ServiceUnavailableError
);
var isEdgeNetworkTimeoutError = /* @__PURE__ */ createErrorGuard(
  EdgeNetworkTimeoutError
);
var isProviderOverloadedError = /* @__PURE__ */ createErrorGuard(
  ProviderOverloadedError
);
var isConnectionError = /* @__PURE__ */ createErrorGuard(ConnectionError);
var isTimeoutError = /* @__PURE__ */ createErrorGuard(TimeoutError);
var isUserAbortError = /* @__PURE__ */ createErrorGuard(UserAbortError);
var isClientClosedError = /* @__PURE__ */ createErrorGuard(ClientClosedError);
var isMissingApiKeyError = /* @__PURE__ */ createErrorGuard(MissingApiKeyError);
var isPathParameterError = /* @__PURE__ */ createErrorGuard(PathParameterError);
var isResponseParseError = /* @__PURE__ */ createErrorGuard(ResponseParseError);

// src/internal/form-data.ts
function toFormData(body) {
  if (body instanceof FormData) return body;
  const form = new FormData();
  if (typeof body !== "object" || body === null) return form;
  for (const [key, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value])
      appendField(form, key, item);
  }
  return form;
}
function formDataIfFiles(body) {
  return typeof body === "object" && body !== null && Object.values(body).some(isBlob) ? toFormData(body) : body;
}
function isBlob(value) {
  return value instanceof Blob;
}
function appendField(form, key, value) {
  if (value === void 0 || value === null) return;
  if (value instanceof Blob) {
    const name = value.name;
    form.append(key, value, typeof name === "string" && name ? name : "blob");
  } else if (typeof value === "object") {
    form.append(key, JSON.stringify(value));
  } else {
    form.append(key, String(value));
  }
}

// src/internal/path-params.ts
var PLACEHOLDER = /\{([^{}]+)\}/g;
function assertPathParams(req) {
  for (const [, name] of req.path.matchAll(PLACEHOLDER)) {
    const value = req.pathParams?.[name];
    if (value === void 0 || value === null || value === "") {
      throw new PathParameterError(
        `${req.operationId}: missing required path parameter "${name}" for ${req.method} ${req.path}.`,
        name
      );
    }
    if (value === "." || value === "..") {
      throw new PathParameterError(
        `${req.operationId}: path parameter "${name}" cannot be "${value}".`,
        name
      );
    }
  }
}

// src/params.ts
var querySerializer;
var paramsURL = (req, baseURL) => {
  assertPathParams(req);
  return createFinalURL(req.path, {
    baseUrl: baseURL,
    params: { path: req.pathParams, query: req.query },
    querySerializer: querySerializer ??= createQuerySerializer(),
    pathSerializer: defaultPathSerializer
  });
};

// src/sse/stream.ts
var SSEDecoderStream = /* @__PURE__ */ defineDecoderStream();
function defineDecoderStream() {
  return class SSEDecoderStream extends TransformStream {
    constructor(options = {}) {
      const decoder = new TextDecoder();
      let parser;
      super({
        start(controller) {
          parser = createParser({
            onEvent: (message) => controller.enqueue(message),
            onComment: options.onComment
          });
        },
        transform(chunk) {
          options.onChunk?.();
          parser.feed(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
        },
        flush() {
          parser.feed(decoder.decode());
          parser.reset({ consume: true });
        }
      });
    }
  };
}
export {
  APIError,
  APIPromise,
  AuthenticationError,
  BadGatewayError,
  BadRequestError,
  ClientClosedError,
  ConflictError,
  ConnectionError,
  DEFAULT_BASE_URL,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_RETRY_OPTIONS,
  DEFAULT_TIMEOUT_MS,
  ERROR_BRAND,
  EdgeNetworkTimeoutError,
  InternalServerError,
  BadRequestError as InvalidRequestError,
  MissingApiKeyError,
  NotFoundError as ModelNotFoundError,
  NotFoundError,
  OpenRouterClient,
  OpenRouterError,
  PathParameterError,
  PayloadTooLargeError,
  PaymentRequiredError,
  PermissionDeniedError,
  ProviderOverloadedError,
  RateLimitError,
  RequestTimeoutError,
  ResponseParseError,
  SSEDecoderStream,
  STATUS_ERRORS,
  ServiceUnavailableError,
  Stream,
  TimeoutError,
  UnprocessableEntityError,
  UserAbortError,
  VERSION,
  backoffDelay,
  consoleLogger,
  createAPIError,
  createClient,
  createErrorGuard,
  createParser,
  defineErrorName,
  errorClassForStatus,
  formDataIfFiles,
  isAPIError,
  isAuthenticationError,
  isBadGatewayError,
  isBadRequestError,
  isClientClosedError,
  isConflictError,
  isConnectionError,
  isEdgeNetworkTimeoutError,
  isInternalServerError,
  isInvalidRequestError,
  isMissingApiKeyError,
  isModelNotFoundError,
  isNotFoundError,
  isOpenRouterError,
  isPathParameterError,
  isPayloadTooLargeError,
  isPaymentRequiredError,
  isPermissionDeniedError,
  isProviderOverloadedError,
  isRateLimitError,
  isRequestTimeoutError,
  isResponseParseError,
  isServiceUnavailableError,
  isTimeoutError,
  isUnprocessableEntityError,
  isUserAbortError,
  paramsURL,
  parseRateLimitHeaders,
  retryDelay,
  serverRetryDelay,
  shouldRetryResponse,
  silentLogger,
  toFormData
};
