import { describe, expect, expectTypeOf, it } from "vitest";
import {
  apiKeysList,
  byokList,
  createClient,
  datasetsGetAppRankings,
  datasetsGetSessionCost,
  embeddingsListModels,
  filesList,
  guardrailsList,
  guardrailsListGuardrailKeyAssignments,
  guardrailsListGuardrailMemberAssignments,
  guardrailsListKeyAssignments,
  guardrailsListMemberAssignments,
  modelsList,
  modelsListForUser,
  observabilityList,
  OpenRouter,
  organizationListMembers,
  paginate,
  paginatePages,
  presetsList,
  presetsListVersions,
  scimListGroups,
  scimListMappings,
  workspacesList,
  workspacesListMembers,
  type ApiKeysListResponse,
  type FilesListResponse,
  type GuardrailsListResponse,
} from "../src/index.js";
import { startLoopbackServer } from "./helpers/loopback-server.js";

/** A loopback server; `reply` gets the path and query of each request. Records every query. */
async function serve(reply: (path: string, query: URLSearchParams) => unknown) {
  const queries: Record<string, string>[] = [];
  const paths: string[] = [];
  const { origin } = await startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    paths.push(url.pathname);
    queries.push(Object.fromEntries(url.searchParams));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(reply(url.pathname, url.searchParams)));
  });
  return { baseURL: origin, queries, paths };
}

const guardrail = (i: number) => ({
  id: `550e8400-e29b-41d4-a716-44665544000${i}`,
  name: `Guardrail ${i}`,
  description: "Guardrail for production environment",
  limit_usd: 100,
  reset_interval: "monthly",
  allowed_providers: ["openai", "anthropic", "google"],
  allowed_models: null,
  ignored_models: null,
  ignored_providers: null,
  enforce_zdr: false,
  include_byok_in_budgets: false,
  workspace_id: "0df9e665-d932-5740-b2c7-b52af166bc11",
  created_at: "2025-08-24T10:30:00Z",
  updated_at: "2025-08-24T15:45:00Z",
});

const apiKey = (i: number) => ({
  hash: `f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce94${i}`,
  name: `Key ${i}`,
  label: `sk-or-v1-au7...89${i}`,
  disabled: false,
  limit: 100,
  limit_remaining: 74.5,
  limit_reset: "monthly",
  include_byok_in_limit: false,
  usage: 25.5,
  usage_daily: 25.5,
  usage_weekly: 25.5,
  usage_monthly: 25.5,
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
  created_at: "2025-08-24T10:30:00Z",
  updated_at: null,
  expires_at: null,
  creator_user_id: "user_2dHFtVWx2n56w6HkM0000000000",
  workspace_id: "0df9e665-d932-5740-b2c7-b52af166bc11",
});

/** Serves `items` with offset/limit, like the management endpoints (server default page size 2). */
function offsetPager<T>(items: T[], { total = true, defaultLimit = 2 } = {}) {
  return (_path: string, q: URLSearchParams) => {
    const offset = Number(q.get("offset") ?? 0);
    const limit = Number(q.get("limit") ?? defaultLimit);
    const data = items.slice(offset, offset + limit);
    return total ? { data, total_count: items.length } : { data };
  };
}

describe("paginate (offset/limit)", () => {
  it("walks 3 pages of guardrails, requesting offsets 2 and 4 after the first", async () => {
    const items = [1, 2, 3, 4, 5].map(guardrail);
    const { baseURL, queries, paths } = await serve(offsetPager(items));
    const client = new OpenRouter({ apiKey: "sk-or-mgmt", baseURL, maxRetries: 0 });

    const names: string[] = [];
    for await (const g of paginate(
      guardrailsList,
      client,
      { workspace_id: "ws-1" },
      { pageSize: 2 },
    )) {
      expectTypeOf(g).toEqualTypeOf<GuardrailsListResponse["data"][number]>();
      names.push(g.name);
    }

    expect(names).toEqual([
      "Guardrail 1",
      "Guardrail 2",
      "Guardrail 3",
      "Guardrail 4",
      "Guardrail 5",
    ]);
    expect(paths).toEqual(["/guardrails", "/guardrails", "/guardrails"]);
    expect(queries).toEqual([
      { workspace_id: "ws-1", limit: "2" },
      { workspace_id: "ws-1", limit: "2", offset: "2" },
      { workspace_id: "ws-1", limit: "2", offset: "4" },
    ]);
  });

  it("stops on total_count without requesting an empty page, and honours a starting offset", async () => {
    const items = [1, 2, 3, 4, 5, 6].map(guardrail);
    const { baseURL, queries } = await serve(offsetPager(items));
    const client = createClient({ apiKey: "k", baseURL, maxRetries: 0 });
    const ids = [];
    for await (const g of paginate(guardrailsList, client, { offset: 2, limit: 2 })) ids.push(g.id);
    expect(ids).toHaveLength(4);
    expect(queries.map((q) => q["offset"])).toEqual(["2", "4"]);
  });

  it("pages apiKeysList (offset only, no limit parameter) by the server's page size", async () => {
    const items = [1, 2, 3, 4].map(apiKey);
    const { baseURL, queries } = await serve(offsetPager(items, { total: false }));
    const client = createClient({ apiKey: "k", baseURL, maxRetries: 0 });

    const hashes: string[] = [];
    for await (const key of paginate(apiKeysList, client, { include_disabled: "true" })) {
      expectTypeOf(key).toEqualTypeOf<ApiKeysListResponse["data"][number]>();
      hashes.push(key.hash);
    }

    expect(hashes).toHaveLength(4);
    // No total: 2, 2, then an empty page ends it. No `limit` is ever sent.
    expect(queries).toEqual([
      { include_disabled: "true" },
      { include_disabled: "true", offset: "2" },
      { include_disabled: "true", offset: "4" },
    ]);
  });

  it("stops on a short page and on links.next: null", async () => {
    const models = Array.from({ length: 3 }, (_, i) => ({ id: `vendor/model-${i}` }));
    const { baseURL, queries } = await serve((_p, q) => {
      const offset = Number(q.get("offset") ?? 0);
      const data = models.slice(offset, offset + 2);
      return {
        data,
        total_count: 999, // wrong on purpose: links.next decides
        links: {
          next: offset + 2 < models.length ? `/api/v1/models?offset=${offset + 2}&limit=2` : null,
        },
      };
    });
    const client = createClient({ apiKey: "k", baseURL, maxRetries: 0 });
    const pages = [];
    for await (const page of paginatePages(modelsList, client, {}, { pageSize: 2 }))
      pages.push(page);
    expect(pages.map((p) => p.data.length)).toEqual([2, 1]);
    expect(queries.map((q) => q["offset"])).toEqual([undefined, "2"]);
  });

  it("respects maxPages and stops requesting when the loop breaks", async () => {
    const items = Array.from({ length: 20 }, (_, i) => guardrail(i));
    const { baseURL, queries } = await serve(offsetPager(items));
    const client = createClient({ apiKey: "k", baseURL, maxRetries: 0 });

    const pages = [];
    for await (const page of paginatePages(guardrailsList, client, {}, { maxPages: 3 })) {
      expectTypeOf(page).toEqualTypeOf<GuardrailsListResponse>();
      pages.push(page);
    }
    expect(pages).toHaveLength(3);
    expect(pages[0]!.total_count).toBe(20);

    queries.length = 0;
    for await (const g of paginate(guardrailsList, client, {})) {
      if (g.name === "Guardrail 2") break;
    }
    expect(queries).toHaveLength(2);
  });

  it("yields an empty first page from paginatePages, and nothing from paginate", async () => {
    const { baseURL, queries } = await serve(() => ({ data: [], total_count: 0 }));
    const client = createClient({ apiKey: "k", baseURL, maxRetries: 0 });
    const pages = [];
    for await (const page of paginatePages(workspacesList, client, {})) pages.push(page);
    expect(pages).toEqual([{ data: [], total_count: 0 }]);
    const items = [];
    for await (const w of paginate(workspacesList, client, {})) items.push(w);
    expect(items).toEqual([]);
    expect(queries).toHaveLength(2);
  });
});

describe("paginate (cursor)", () => {
  it("follows filesList's OpenRouter-shape cursor until it is null", async () => {
    const file = (n: number) => ({
      id: `or_file_${n}`,
      type: "file",
      filename: `doc-${n}.pdf`,
      mime_type: "application/pdf",
      size_bytes: 1024000,
      downloadable: false,
      created_at: "2025-01-01T00:00:00Z",
    });
    const pages: Record<string, unknown> = {
      start: {
        _shape: "openrouter",
        data: [file(1), file(2)],
        cursor: "c2",
        has_more: true,
        first_id: "or_file_1",
        last_id: "or_file_2",
      },
      c2: {
        _shape: "openrouter",
        data: [file(3), file(4)],
        cursor: "c3",
        has_more: true,
        first_id: "or_file_3",
        last_id: "or_file_4",
      },
      c3: {
        _shape: "openrouter",
        data: [file(5)],
        cursor: null,
        has_more: false,
        first_id: "or_file_5",
        last_id: "or_file_5",
      },
    };
    const { baseURL, queries } = await serve((_p, q) => pages[q.get("cursor") ?? "start"]);
    const client = createClient({ apiKey: "k", baseURL, maxRetries: 0 });

    const ids: string[] = [];
    for await (const f of paginate(filesList, client, { workspace_id: "ws-1" }, { pageSize: 2 })) {
      expectTypeOf(f).toEqualTypeOf<FilesListResponse["data"][number]>();
      ids.push(f.id);
    }
    expect(ids).toEqual(["or_file_1", "or_file_2", "or_file_3", "or_file_4", "or_file_5"]);
    expect(queries).toEqual([
      { workspace_id: "ws-1", limit: "2" },
      { workspace_id: "ws-1", limit: "2", cursor: "c2" },
      { workspace_id: "ws-1", limit: "2", cursor: "c3" },
    ]);
  });

  it("uses after / after_id = last_id for the OpenAI and Anthropic shapes", async () => {
    for (const [shape, param] of [
      ["openai", "after"],
      ["anthropic", "after_id"],
    ] as const) {
      const { baseURL, queries } = await serve((_p, q) =>
        q.get(param)
          ? {
              _shape: shape,
              object: "list",
              data: [{ id: "file_3" }],
              has_more: false,
              first_id: "file_3",
              last_id: "file_3",
            }
          : {
              _shape: shape,
              object: "list",
              data: [{ id: "file_1" }, { id: "file_2" }],
              has_more: true,
              first_id: "file_1",
              last_id: "file_2",
            },
      );
      const client = createClient({ apiKey: "k", baseURL, maxRetries: 0 });
      const ids = [];
      for await (const f of paginate(filesList, client, { provider: shape })) ids.push(f.id);
      expect(ids).toEqual(["file_1", "file_2", "file_3"]);
      expect(queries).toEqual([{ provider: shape }, { provider: shape, [param]: "file_2" }]);
    }
  });
});

describe("paginate types", () => {
  it("accepts every generated list operation and infers its item type", () => {
    const client = createClient({ apiKey: "k" });
    // Generators do not run until iterated: this only type-checks the calls.
    paginate(apiKeysList, client, {});
    paginate(byokList, client, {});
    paginate(datasetsGetAppRankings, client, {});
    paginate(datasetsGetSessionCost, client, {});
    paginate(embeddingsListModels, client, {});
    paginate(filesList, client, {});
    paginate(guardrailsList, client, {});
    paginate(guardrailsListKeyAssignments, client, {});
    paginate(guardrailsListMemberAssignments, client, {});
    paginate(guardrailsListGuardrailKeyAssignments, client, { id: "g" });
    paginate(guardrailsListGuardrailMemberAssignments, client, { id: "g" });
    paginate(modelsList, client, {});
    paginate(modelsListForUser, client, {});
    paginate(observabilityList, client, {});
    paginate(organizationListMembers, client, {});
    paginate(presetsList, client, {});
    paginate(presetsListVersions, client, { slug: "my-preset" });
    paginate(scimListGroups, client, {});
    paginate(scimListMappings, client, {});
    paginate(workspacesList, client, {});
    paginate(workspacesListMembers, client, { id: "w" });

    expectTypeOf(paginate(apiKeysList, client, {})).toEqualTypeOf<
      AsyncGenerator<ApiKeysListResponse["data"][number], void, undefined>
    >();
    // @ts-expect-error: a required path parameter is missing.
    paginate(workspacesListMembers, client, {});
    // @ts-expect-error: not a parameter of the operation.
    paginate(guardrailsList, client, { nope: 1 });
  });
});
