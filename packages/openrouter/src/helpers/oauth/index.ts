import { OpenRouterError, type Client, type RequestOptions } from "@orkit/openrouter-core";
import {
  oAuthExchangeAuthCodeForApiKey,
  type OAuthExchangeAuthCodeForApiKeyResponse,
} from "@orkit/openrouter-oauth";

/** The RFC 7636 `unreserved` characters a code verifier is made of: `A-Z a-z 0-9 - . _ ~`. */
const UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * The PKCE code challenge methods OpenRouter accepts.
 *
 * @example
 * ```ts
 * const method: PkceChallengeMethod = "S256";
 * ```
 */
export type PkceChallengeMethod = "S256" | "plain";

/**
 * The page users are sent to, to authorize your app.
 *
 * @example
 * ```ts
 * buildAuthorizationUrl({ callbackUrl, codeChallenge, baseUrl: OPENROUTER_AUTH_URL });
 * ```
 */
export const OPENROUTER_AUTH_URL = "https://openrouter.ai/auth";

/**
 * A fresh PKCE code verifier (RFC 7636 §4.1): `length` characters (43–128, default 64) drawn
 * uniformly from the unreserved set with `crypto.getRandomValues` (Web Crypto, so it runs in
 * browsers, workers, Deno, Bun and Node 20+). Keep it (e.g. in `sessionStorage`) until the
 * callback, then pass it to {@link exchangeCodeForKey}.
 *
 * @example
 * ```ts
 * const verifier = createPkceVerifier();
 * sessionStorage.setItem("openrouter_pkce_verifier", verifier);
 * ```
 */
export function createPkceVerifier(length = 64): string {
  if (!Number.isInteger(length) || length < 43 || length > 128) {
    throw new RangeError(`A PKCE code verifier is 43 to 128 characters long, not ${length}.`);
  }
  const out: string[] = [];
  // Rejection sampling: bytes ≥ 198 (3 × 66) would bias the first characters of the alphabet.
  const limit = 256 - (256 % UNRESERVED.length);
  while (out.length < length) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < limit) out.push(UNRESERVED[byte % UNRESERVED.length]!);
      if (out.length === length) break;
    }
  }
  return out.join("");
}

/**
 * The PKCE code challenge of a verifier: `S256` (default) is `BASE64URL(SHA-256(verifier))` without
 * padding, computed with `crypto.subtle`; `plain` is the verifier itself. Rejects a verifier that
 * is not 43–128 unreserved characters.
 *
 * @example
 * ```ts
 * await createPkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
 * // "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" (RFC 7636 appendix B)
 * ```
 */
export async function createPkceChallenge(
  verifier: string,
  method: PkceChallengeMethod = "S256",
): Promise<string> {
  if (!VERIFIER_PATTERN.test(verifier)) {
    throw new OpenRouterError(
      "A PKCE code verifier must be 43 to 128 characters from A-Z, a-z, 0-9, '-', '.', '_', '~' (RFC 7636 §4.1).",
    );
  }
  if (method === "plain") return verifier;
  const digest = await globalThis.crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(verifier),
  );
  return base64Url(new Uint8Array(digest));
}

/**
 * A verifier with its challenge: what one sign-in needs.
 *
 * @example
 * ```ts
 * const { codeVerifier, codeChallenge, codeChallengeMethod }: PkcePair = await createPkcePair();
 * ```
 */
export interface PkcePair {
  /** Keep secret until the exchange. */
  codeVerifier: string;
  /** Goes into the authorization URL. */
  codeChallenge: string;
  codeChallengeMethod: PkceChallengeMethod;
}

/**
 * {@link createPkceVerifier} and {@link createPkceChallenge} in one call.
 *
 * @example
 * ```ts
 * const pkce = await createPkcePair();
 * sessionStorage.setItem("openrouter_pkce_verifier", pkce.codeVerifier);
 * location.href = buildAuthorizationUrl({ callbackUrl: "https://myapp.com/callback", ...pkce });
 * ```
 */
export async function createPkcePair(
  method: PkceChallengeMethod = "S256",
  length?: number,
): Promise<PkcePair> {
  const codeVerifier = createPkceVerifier(length);
  return {
    codeVerifier,
    codeChallenge: await createPkceChallenge(codeVerifier, method),
    codeChallengeMethod: method,
  };
}

/**
 * What {@link buildAuthorizationUrl} takes.
 *
 * @example
 * ```ts
 * const params: AuthorizationUrlParams = { callbackUrl: "http://localhost:3000/cb", codeChallenge };
 * location.href = buildAuthorizationUrl(params);
 * ```
 */
export interface AuthorizationUrlParams {
  /** Where OpenRouter redirects with `?code=…`: an https URL, or localhost/127.0.0.1 on any port. */
  callbackUrl: string;
  /** From {@link createPkceChallenge}. */
  codeChallenge: string;
  /** @default "S256" */
  codeChallengeMethod?: PkceChallengeMethod;
  /** The authorization page. @default "https://openrouter.ai/auth" */
  baseUrl?: string;
}

/**
 * The URL of OpenRouter's authorization page for a PKCE sign-in:
 * `https://openrouter.ai/auth?callback_url=…&code_challenge=…&code_challenge_method=S256`.
 * Query parameters already on `baseUrl` are kept.
 *
 * @example
 * ```ts
 * const { codeVerifier, codeChallenge } = await createPkcePair();
 * const url = buildAuthorizationUrl({ callbackUrl: "http://localhost:3000/callback", codeChallenge });
 * ```
 */
export function buildAuthorizationUrl(params: AuthorizationUrlParams): string {
  const url = new URL(params.baseUrl ?? OPENROUTER_AUTH_URL);
  url.searchParams.set("callback_url", params.callbackUrl);
  url.searchParams.set("code_challenge", params.codeChallenge);
  url.searchParams.set("code_challenge_method", params.codeChallengeMethod ?? "S256");
  return url.toString();
}

/**
 * What {@link exchangeCodeForKey} takes.
 *
 * @example
 * ```ts
 * const params: ExchangeCodeParams = { code, codeVerifier };
 * const { key } = await exchangeCodeForKey(client, params);
 * ```
 */
export interface ExchangeCodeParams {
  /** The `code` query parameter OpenRouter appended to your callback URL. */
  code: string;
  /** The verifier the challenge was made from. */
  codeVerifier: string;
  /** The method the challenge was made with. @default "S256" */
  codeChallengeMethod?: PkceChallengeMethod;
  /**
   * Send the client's API key too. The exchange is authenticated by the code and verifier, so by
   * default no `Authorization` header is sent and a client without a key works (a browser app
   * before the user has one).
   * @default false
   */
  sendApiKey?: boolean;
}

/**
 * Exchanges the authorization code from the callback for the user's API key
 * (`POST /auth/keys` with `code`, `code_verifier`, `code_challenge_method`).
 *
 * @example
 * ```ts
 * const client = createClient(); // no key needed for this call
 * const code = new URL(location.href).searchParams.get("code")!;
 * const { key } = await exchangeCodeForKey(client, {
 *   code,
 *   codeVerifier: sessionStorage.getItem("openrouter_pkce_verifier")!,
 * });
 * const userClient = createClient({ apiKey: key });
 * ```
 */
export function exchangeCodeForKey(
  client: Client,
  params: ExchangeCodeParams,
  options?: RequestOptions,
): Promise<OAuthExchangeAuthCodeForApiKeyResponse> {
  const perCall: RequestOptions | undefined = params.sendApiKey
    ? options
    : {
        ...options,
        // Core refuses to send without a key; give it a placeholder and drop the header it builds.
        apiKey: "pkce-exchange-unauthenticated",
        headers: { ...headersRecord(options?.headers), Authorization: null },
      };
  return oAuthExchangeAuthCodeForApiKey(
    client,
    {
      code: params.code,
      code_verifier: params.codeVerifier,
      code_challenge_method: params.codeChallengeMethod ?? "S256",
    },
    perCall,
  );
}

function headersRecord(
  headers: RequestOptions["headers"],
): Record<string, string | null | undefined> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  return headers;
}

function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
