/**
 * OAuth PKCE: let a user sign in with OpenRouter and get an API key for your app.
 * 1. make a verifier and its S256 challenge, 2. send the user to the authorization URL,
 * 3. OpenRouter redirects to your callback with `?code=…`, 4. exchange code + verifier for a key.
 * Run: `npx tsx pkce-flow.ts [code]` (or OPENROUTER_AUTH_CODE=…; PKCE_VERIFIER=… to reuse the
 * verifier printed by a first run). Without a code it stops after printing the URL.
 */
import {
  OpenRouter,
  buildAuthorizationUrl,
  createPkceChallenge,
  createPkceVerifier,
  exchangeCodeForKey,
} from "@orkit/openrouter";

// RFC 7636 appendix B test vector: the S256 challenge is BASE64URL(SHA-256(verifier)).
const rfc = await createPkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
console.log(
  "RFC 7636 vector:",
  rfc === "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" ? "ok" : `MISMATCH ${rfc}`,
);

// 1. Keep the verifier secret (e.g. in the user's session) until the callback.
const codeVerifier = process.env.PKCE_VERIFIER ?? createPkceVerifier();
const codeChallenge = await createPkceChallenge(codeVerifier);

// 2. Where to send the user.
const url = buildAuthorizationUrl({ callbackUrl: "http://localhost:3000/callback", codeChallenge });
console.log("authorization URL:", url);
console.log("verifier (PKCE_VERIFIER):", codeVerifier);

// 3. The `code` query parameter of the callback.
const code = process.argv[2] ?? process.env.OPENROUTER_AUTH_CODE;
if (!code) {
  console.log("no code given: open the URL, then run again with the code and PKCE_VERIFIER");
  process.exit(0);
}

// 4. Exchange. No API key is needed (nor sent): the code and verifier authenticate the call.
await using client = new OpenRouter({ appTitle: "orkit examples" });
const { key, user_id } = await exchangeCodeForKey(client, { code, codeVerifier });
console.log(`exchanged code for a key: user ${user_id}, key ${key.slice(0, 12)}…`);

// The user's key works like any other.
await using userClient = new OpenRouter({ apiKey: key, appTitle: "orkit examples" });
const { data: metadata } = await userClient.apiKeys.getCurrentKeyMetadata();
console.log("user key label:", metadata.label);
