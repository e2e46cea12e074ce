/**
 * Key management (needs a management/provisioning key): create a key with a spending limit,
 * list every key (all pages), update it, delete it, then read the current key's account info.
 * Run: `npx tsx key-management.ts` (OPENROUTER_API_KEY, optionally OPENROUTER_BASE_URL).
 */
import { OpenRouter, apiKeysList, paginate } from "@orkit/openrouter";

await using client = new OpenRouter({ appTitle: "orkit examples" });

// Create: a key with a monthly $10 spending limit. `key` is the secret, shown only once.
const { data: created, key } = await client.apiKeys.create({
  name: "orkit example key",
  limit: 10,
  limit_reset: "monthly",
});
console.log(
  `created: ${created.name} (${created.hash.slice(0, 12)}…), secret ${key.slice(0, 12)}…`,
);

// List: `paginate` requests page after page (offset-based) and yields every key.
let count = 0;
for await (const item of paginate(apiKeysList, client, { include_disabled: true })) {
  count++;
  const limit =
    item.limit === null ? "no limit" : `$${item.usage} of $${item.limit} (${item.limit_reset})`;
  console.log(`  ${item.disabled ? "[disabled] " : ""}${item.name}: ${limit}`);
}
console.log(`listed: ${count} keys`);

// Update: raise the limit and rename it.
const { data: updated } = await client.apiKeys.update({
  hash: created.hash,
  name: "orkit example key (raised)",
  limit: 20,
});
console.log(`updated: ${updated.name}, limit $${updated.limit}`);

// Delete.
const { deleted } = await client.apiKeys.delete({ hash: created.hash });
console.log(`deleted: ${deleted}`);

// The current key: metadata, credits (GET /credits when the key may read it) and rate limits.
const { key: current, credits, rateLimit } = await client.getAccountInfo();
console.log(
  `account: ${current.label}, credits left $${credits?.remaining ?? "∞"} (from ${credits?.source ?? "-"})`,
);
console.log(
  `rate limit: ${rateLimit.requests.remaining ?? "?"}/${rateLimit.requests.limit ?? "?"} requests,` +
    ` spending $${rateLimit.spending.usage} of $${rateLimit.spending.limit ?? "∞"} (${rateLimit.spending.reset ?? "no reset"})`,
);
