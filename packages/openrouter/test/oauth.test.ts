import http from "node:http";
import { describe, expect, expectTypeOf, it, onTestFinished, vi } from "vitest";
import {
  BadRequestError,
  buildAuthorizationUrl,
  createClient,
  createPkceChallenge,
  createPkcePair,
  createPkceVerifier,
  exchangeCodeForKey,
  OpenRouter,
  OpenRouterError,
  type OAuthExchangeAuthCodeForApiKeyResponse,
} from "../src/index.js";
import { startLoopbackServer } from "./helpers/loopback-server.js";

interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** A loopback server answering every request with `reply`, recording what it received. */
async function serve(reply: (req: Seen) => { status: number; body: unknown }) {
  const requests: Seen[] = [];
  const { origin } = await startLoopbackServer((req, res, text) => {
    const seen: Seen = {
      method: req.method ?? "",
      path: new URL(req.url ?? "/", "http://127.0.0.1").pathname,
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(seen);
    const { status, body } = reply(seen);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  return { baseURL: origin, requests };
}

const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;

describe("createPkceVerifier", () => {
  it("returns 64 unreserved characters by default, from crypto.getRandomValues", () => {
    const spy = vi.spyOn(globalThis.crypto, "getRandomValues");
    onTestFinished(() => spy.mockRestore());
    const verifier = createPkceVerifier();
    expect(verifier).toHaveLength(64);
    expect(verifier).toMatch(UNRESERVED);
    expect(spy).toHaveBeenCalled();
  });

  it("accepts lengths 43 to 128 and rejects others", () => {
    expect(createPkceVerifier(43)).toHaveLength(43);
    expect(createPkceVerifier(128)).toHaveLength(128);
    expect(() => createPkceVerifier(42)).toThrow(RangeError);
    expect(() => createPkceVerifier(129)).toThrow(RangeError);
    expect(() => createPkceVerifier(50.5)).toThrow(RangeError);
  });

  it("is random and covers the whole unreserved alphabet", () => {
    const a = createPkceVerifier(128);
    const b = createPkceVerifier(128);
    expect(a).not.toBe(b);
    const seen = new Set([...Array.from({ length: 50 }, () => createPkceVerifier(128))].join(""));
    // 6400 draws from 66 symbols: every one (including - . _ ~) shows up.
    expect(seen.size).toBe(66);
  });
});

describe("createPkceChallenge", () => {
  it("matches the RFC 7636 appendix B example (S256)", async () => {
    await expect(createPkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).resolves.toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("is base64url without padding, and `plain` returns the verifier", async () => {
    const verifier = createPkceVerifier();
    const challenge = await createPkceChallenge(verifier);
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(createPkceChallenge(verifier, "plain")).resolves.toBe(verifier);
  });

  it("rejects verifiers outside RFC 7636 §4.1", async () => {
    await expect(createPkceChallenge("too-short")).rejects.toBeInstanceOf(OpenRouterError);
    await expect(createPkceChallenge(`${"a".repeat(42)}+`)).rejects.toThrow(/43 to 128/);
  });

  it("createPkcePair returns a matching verifier and challenge", async () => {
    const pair = await createPkcePair();
    expect(pair.codeChallengeMethod).toBe("S256");
    await expect(createPkceChallenge(pair.codeVerifier)).resolves.toBe(pair.codeChallenge);
  });
});

describe("buildAuthorizationUrl", () => {
  it("builds the openrouter.ai/auth URL with encoded parameters", () => {
    const url = buildAuthorizationUrl({
      callbackUrl: "http://localhost:3000/callback?next=/chat&x=1",
      codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      codeChallengeMethod: "S256",
    });
    expect(url).toBe(
      "https://openrouter.ai/auth?callback_url=http%3A%2F%2Flocalhost%3A3000%2Fcallback%3Fnext%3D%2Fchat%26x%3D1" +
        "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
    );
    const parsed = new URL(url);
    expect(parsed.searchParams.get("callback_url")).toBe(
      "http://localhost:3000/callback?next=/chat&x=1",
    );
  });

  it("defaults the method to S256 and keeps a custom base URL's query", () => {
    const url = new URL(
      buildAuthorizationUrl({
        callbackUrl: "https://myapp.com/cb",
        codeChallenge: "abc",
        baseUrl: "https://staging.example.com/auth?ref=docs",
      }),
    );
    expect(url.origin + url.pathname).toBe("https://staging.example.com/auth");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ref: "docs",
      callback_url: "https://myapp.com/cb",
      code_challenge: "abc",
      code_challenge_method: "S256",
    });
  });
});

describe("exchangeCodeForKey", () => {
  const KEY = {
    key: "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",
    user_id: "user_2yOPcMpKoQhcd4bVgSMlELRaIah",
  };

  it("POSTs code, code_verifier and code_challenge_method to /auth/keys without an API key", async () => {
    const { baseURL, requests } = await serve(() => ({ status: 200, body: KEY }));
    vi.stubEnv("OPENROUTER_API_KEY", "");
    onTestFinished(() => void vi.unstubAllEnvs());
    const client = createClient({ baseURL, maxRetries: 0 }); // no key at all

    const result = await exchangeCodeForKey(client, {
      code: "auth_code_abc123def456",
      codeVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
    });

    expect(result).toEqual(KEY);
    expectTypeOf(result).toEqualTypeOf<OAuthExchangeAuthCodeForApiKeyResponse>();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe("POST");
    expect(requests[0]!.path).toBe("/auth/keys");
    expect(requests[0]!.headers["content-type"]).toMatch(/application\/json/);
    expect(requests[0]!.headers.authorization).toBeUndefined();
    expect(requests[0]!.body).toEqual({
      code: "auth_code_abc123def456",
      code_verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
      code_challenge_method: "S256",
    });
  });

  it("sends the client's key only when asked, and keeps per-call headers", async () => {
    const { baseURL, requests } = await serve(() => ({ status: 200, body: KEY }));
    const client = new OpenRouter({ apiKey: "sk-or-app", baseURL, maxRetries: 0 });

    await exchangeCodeForKey(
      client,
      { code: "c1", codeVerifier: "v".repeat(43), codeChallengeMethod: "plain", sendApiKey: true },
      { headers: { "x-trace": "1" } },
    );
    await exchangeCodeForKey(
      client,
      { code: "c2", codeVerifier: "v".repeat(43) },
      {
        headers: { "x-trace": "2" },
      },
    );

    expect(requests[0]!.headers.authorization).toBe("Bearer sk-or-app");
    expect(requests[0]!.headers["x-trace"]).toBe("1");
    expect(requests[0]!.body).toMatchObject({ code: "c1", code_challenge_method: "plain" });
    expect(requests[1]!.headers.authorization).toBeUndefined();
    expect(requests[1]!.headers["x-trace"]).toBe("2");
  });

  it("surfaces a rejected code as the typed API error", async () => {
    const { baseURL } = await serve(() => ({
      status: 400,
      body: { error: { code: 400, message: "Invalid code or code_verifier" } },
    }));
    const client = createClient({ baseURL, maxRetries: 0 });
    const error = await exchangeCodeForKey(client, {
      code: "expired",
      codeVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).message).toContain("Invalid code or code_verifier");
  });
});
