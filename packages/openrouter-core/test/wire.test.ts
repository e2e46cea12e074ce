/**
 * The exact request bytes the client puts on the wire: URL (base URL, path placeholders, query),
 * method, headers, body and redirect mode. Literal expectations pin the common cases; a
 * property test compares every request against openapi-fetch's own `createClient` pipeline (the
 * reference the runtime serialises with), so any drift in URL, query, path or body encoding shows.
 */
import fc from "fast-check";
import createFetchClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import {
  createClient,
  paramsURL,
  type OperationRequest,
  type RequestOptions,
} from "../src/index.js";
import { buildHeaders } from "../src/internal/build-headers.js";
import { toFormData } from "../src/internal/form-data.js";
import { resolveOptions, type ClientOptions } from "../src/options.js";
import { TEST_KEY } from "./helpers/client.js";

const BASE = "https://openrouter.invalid/api/v1";

/** What one request looked like on the wire. Multipart boundaries are random, so they are normalised. */
interface Wire {
  url: string;
  method: string;
  redirect: RequestRedirect;
  headers: Array<[string, string]>;
  body: string | undefined;
}

async function snapshot(request: Request): Promise<Wire> {
  const type = request.headers.get("content-type") ?? "";
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  const norm = (s: string) => (boundary ? s.split(boundary).join("BOUNDARY") : s);
  const bytes = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
  return {
    url: request.url,
    method: request.method,
    redirect: request.redirect,
    headers: [...request.headers].map(([k, v]) => [k, norm(v)]),
    body: bytes && norm(new TextDecoder().decode(bytes)),
  };
}

/** Sends `req` through the client with an injected fetch and returns what that fetch received. */
async function sent(
  req: OperationRequest,
  call?: RequestOptions,
  client: ClientOptions = {},
): Promise<Wire> {
  const seen: Wire[] = [];
  await createClient({
    apiKey: TEST_KEY,
    baseURL: BASE,
    maxRetries: 0,
    ...client,
    fetch: async (input, init) => {
      seen.push(await snapshot(new Request(input, init)));
      return Response.json({ ok: true });
    },
  }).request(req, call);
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

/** The same request built by openapi-fetch's full client, as core did before it used the helpers. */
async function reference(
  req: OperationRequest,
  call?: RequestOptions,
  client: ClientOptions = {},
): Promise<Wire> {
  const options = resolveOptions({ apiKey: TEST_KEY, baseURL: BASE, ...client }, call);
  let wire: Wire | undefined;
  const http = createFetchClient() as unknown as {
    request(method: string, path: string, init: unknown): Promise<unknown>;
  };
  await http.request(req.method, req.path, {
    baseUrl: options.baseURL,
    params: { path: req.pathParams, query: req.query },
    headers: buildHeaders(options, TEST_KEY, req),
    body: req.body,
    parseAs: "stream",
    fetch: async (input: Request) => {
      wire = await snapshot(input);
      return Response.json({ ok: true });
    },
  });
  return wire!;
}

// Generated code passes `buildURL: paramsURL` for every operation with parameters.
const get = (extra: Partial<OperationRequest>): OperationRequest => ({
  operationId: "op",
  method: "GET",
  path: "/models",
  response: "json",
  buildURL: paramsURL,
  ...extra,
});

describe("request URL", () => {
  it.each<[string, Partial<OperationRequest>, string]>([
    ["no query", {}, "/models"],
    ["empty query", { query: {} }, "/models"],
    [
      "arrays repeated, empty arrays dropped",
      { query: { tags: ["a", "b c"], none: [], n: [1, 2] } },
      "/models?tags=a&tags=b%20c&n=1&n=2",
    ],
    [
      "booleans and numbers stringified, zero and false kept",
      { query: { t: true, f: false, zero: 0, neg: -1.5, empty: "" } },
      "/models?t=true&f=false&zero=0&neg=-1.5&empty=",
    ],
    ["undefined and null dropped", { query: { a: undefined, b: null, c: "x" } }, "/models?c=x"],
    [
      // (an undefined member leaves an empty segment: openapi-fetch's deepObject behaviour, kept)
      "nested objects as deepObject",
      { query: { filter: { provider: "openai", max: 2, skip: undefined, on: true } } },
      "/models?filter[provider]=openai&filter[max]=2&&filter[on]=true",
    ],
    [
      "reserved and non-ASCII characters encoded",
      { query: { q: "a&b=c?d/e#f+g %", u: "é😀" } },
      "/models?q=a%26b%3Dc%3Fd%2Fe%23f%2Bg%20%25&u=%C3%A9%F0%9F%98%80",
    ],
    [
      "path parameters encoded",
      {
        path: "/keys/{hash}/{n}/{flag}",
        pathParams: { hash: "a/b?c#d e%f", n: 7, flag: false },
      },
      "/keys/a%2Fb%3Fc%23d%20e%25f/7/false",
    ],
    [
      "path parameters that look like placeholders or dots",
      { path: "/p/{a}/{b}", pathParams: { a: "{b}", b: "...x" } },
      "/p/%7Bb%7D/...x",
    ],
    [
      "path and query together",
      { path: "/models/{author}/{slug}", pathParams: { author: "é", slug: "x" }, query: { k: 1 } },
      "/models/%C3%A9/x?k=1",
    ],
  ])("%s", async (_name, extra, path) => {
    const wire = await sent(get(extra));
    expect(wire.url).toBe(`${BASE}${path}`);
    expect(wire).toEqual(await reference(get(extra)));
  });

  it("joins a base URL with a trailing slash without doubling it", async () => {
    const wire = await sent(get({}), undefined, { baseURL: `${BASE}/` });
    expect(wire.url).toBe(`${BASE}/models`);
  });

  it("takes a per-call base URL", async () => {
    const wire = await sent(get({ query: { a: 1 } }), { baseURL: "http://127.0.0.1:9/v2" });
    expect(wire.url).toBe("http://127.0.0.1:9/v2/models?a=1");
  });

  it("rejects a query value nested two levels deep with openapi-fetch's error, before any I/O", async () => {
    let called = false;
    const error = await createClient({
      apiKey: TEST_KEY,
      baseURL: BASE,
      fetch: async () => {
        called = true;
        return Response.json({});
      },
    })
      .request(get({ query: { filter: { deep: { x: 1 } } } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Deeply-nested arrays\/objects aren’t supported/);
    expect(called).toBe(false);
  });
});

describe("request method, headers and body", () => {
  const post = (body: unknown, extra: Partial<OperationRequest> = {}): OperationRequest => ({
    operationId: "op",
    method: "POST",
    path: "/chat/completions",
    body,
    response: "json",
    ...extra,
  });

  it("sends a JSON body with Content-Type application/json and follows redirects", async () => {
    const body = { model: "m", messages: [{ role: "user", content: 'é \u2028 "q"' }], n: 1 };
    const wire = await sent(post(body));
    expect(wire).toMatchObject({ method: "POST", redirect: "follow", body: JSON.stringify(body) });
    expect(Object.fromEntries(wire.headers)).toEqual({
      accept: "application/json",
      authorization: `Bearer ${TEST_KEY}`,
      "content-type": "application/json",
      "x-openrouter-sdk": expect.stringMatching(/^orkit-ts\//) as unknown,
    });
    expect(wire).toEqual(await reference(post(body)));
  });

  it("sends no body and no Content-Type without a body", async () => {
    const wire = await sent(get({}));
    expect(wire.body).toBeUndefined();
    expect(wire.headers.map(([k]) => k)).not.toContain("content-type");
  });

  it.each<[string, unknown, string | undefined]>([
    ["null", null, "null"],
    ["a string", "hi", '"hi"'],
    ["a number", 0, "0"],
    ["false", false, "false"],
    ["an array", [1, "a"], '[1,"a"]'],
  ])("JSON-encodes %s as the body", async (_name, body, encoded) => {
    const wire = await sent(post(body));
    expect(wire.body).toBe(encoded);
    expect(wire).toEqual(await reference(post(body)));
  });

  it("lets a per-call Content-Type override the JSON one", async () => {
    const call = { headers: { "Content-Type": "text/plain" } };
    const wire = await sent(post({ a: 1 }), call);
    expect(Object.fromEntries(wire.headers)["content-type"]).toBe("text/plain");
    expect(wire.body).toBe('{"a":1}');
    expect(wire).toEqual(await reference(post({ a: 1 }), call));
  });

  it("form-encodes the body when the per-call Content-Type is x-www-form-urlencoded", async () => {
    const call = { headers: { "Content-Type": "application/x-www-form-urlencoded" } };
    const wire = await sent(post({ a: "1 2", b: "&" }), call);
    expect(wire.body).toBe("a=1+2&b=%26");
    expect(wire).toEqual(await reference(post({ a: "1 2", b: "&" }), call));
  });

  it("passes a FormData body through with the runtime's multipart Content-Type", async () => {
    const form = new FormData();
    form.append("a", "1");
    const wire = await sent(post(form));
    expect(Object.fromEntries(wire.headers)["content-type"]).toBe(
      "multipart/form-data; boundary=BOUNDARY",
    );
    expect(wire).toEqual(await reference(post(form)));
  });

  it("builds multipart bodies exactly as before", async () => {
    const req = post(
      toFormData({
        file: new File(["x"], "a.txt"),
        tags: ["a", "b"],
        o: { k: 1 },
        n: 2,
        skip: undefined,
      }),
    );
    const wire = await sent(req);
    expect(wire).toEqual(await reference(req));
  });

  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"] as const)("sends %s", async (method) => {
    const wire = await sent(get({ method }));
    expect(wire.method).toBe(method);
  });
});

describe("request bytes match openapi-fetch's client (property)", () => {
  const scalar = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary", maxLength: 8 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );
  const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
  const queryValue = fc.oneof(
    scalar,
    fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxLength: 4 }),
    fc.dictionary(key, fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxKeys: 3 }),
  );
  const pathValue = fc
    .oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 12 }), fc.integer(), fc.boolean())
    .filter((v) => v !== "." && v !== "..");

  it("for any query, path parameters, method and JSON body", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(key, queryValue, { maxKeys: 5 }),
        pathValue,
        pathValue,
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE" as const),
        fc.option(fc.jsonValue(), { nil: undefined }),
        async (query, a, b, method, body) => {
          const req: OperationRequest = {
            operationId: "op",
            method,
            path: "/x/{a}/y/{b}",
            pathParams: { a, b },
            query,
            buildURL: paramsURL,
            body: method === "GET" ? undefined : body,
            response: "json",
          };
          expect(await sent(req)).toEqual(await reference(req));
        },
      ),
      { numRuns: 150 },
    );
  });
});
