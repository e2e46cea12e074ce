import type { Client, RequestOptions } from "@orkit/openrouter-core";

/**
 * Any list response: an object whose `data` is the page's items.
 *
 * @example
 * ```ts
 * const page: ListPage = await apiKeysList(client, {});
 * console.log(page.data.length);
 * ```
 */
export interface ListPage {
  data: readonly unknown[];
}

/**
 * A generated list operation (`apiKeysList`, `guardrailsList`, `filesList`, …): `(client, params,
 * options)` resolving to a {@link ListPage}.
 *
 * @example
 * ```ts
 * const op: ListOperation<GuardrailsListParams | undefined, GuardrailsListResponse> = guardrailsList;
 * ```
 */
export type ListOperation<P, R extends ListPage> = (
  client: Client,
  params: P,
  options?: RequestOptions,
) => PromiseLike<R>;

/**
 * The item type of a list response: the element type of its `data` array.
 *
 * @example
 * ```ts
 * type Key = PageItem<ApiKeysListResponse>; // ApiKeysListResponse["data"][number]
 * ```
 */
export type PageItem<R> = R extends { data: ReadonlyArray<infer I> } ? I : never;

/**
 * How {@link paginate} and {@link paginatePages} page.
 *
 * @example
 * ```ts
 * const options: PaginateOptions = { pageSize: 100, maxPages: 10, requestOptions: { signal } };
 * for await (const g of paginate(guardrailsList, client, {}, options)) console.log(g.name);
 * ```
 */
export interface PaginateOptions {
  /**
   * Items per request, sent as `limit`. Omitted: the `limit` in `params`, else the server's default
   * (and for offset lists, a page shorter than the longest one seen so far ends the listing).
   */
  pageSize?: number;
  /** Stop after this many requests. @default Infinity */
  maxPages?: number;
  /** Options of every request (a `signal` stops the iteration, headers, retries, …). */
  requestOptions?: RequestOptions;
}

/**
 * Requests the pages of a list operation one after another, yielding each whole response (with its
 * `total_count`, `links`, `has_more`, …). Pages are fetched lazily: breaking out of the loop stops
 * the requests. Two pagination styles are handled, told apart by the responses:
 *
 * - **offset/limit** (`total_count`, `links.next`, or just `data`): the next request has
 *   `offset` = the starting `offset` + the items received so far. The listing ends on an empty
 *   page, a page shorter than `limit` (or, with no `limit`, than the longest page so far),
 *   `links.next: null`, or when `total_count` items have been received.
 * - **cursor** (responses with `has_more`, as `filesList`): the next request has `cursor` = the
 *   response's `cursor`, else `after` (`after_id` for the Anthropic shape) = its `last_id`; the
 *   listing ends when `has_more` is false or no cursor comes back.
 *
 * `params` is sent as given on the first request (its `offset`/`cursor`, if any, is the starting
 * point); `pageSize` overrides its `limit`.
 *
 * @example
 * ```ts
 * for await (const page of paginatePages(guardrailsList, client, {}, { pageSize: 100 })) {
 *   console.log(`${page.data.length} of ${page.total_count}`);
 * }
 * ```
 */
export async function* paginatePages<P, R extends ListPage>(
  fn: ListOperation<P, R>,
  client: Client,
  params: NoInfer<P>,
  options: PaginateOptions = {},
): AsyncGenerator<R, void, undefined> {
  const maxPages = options.maxPages ?? Infinity;
  const base: Record<string, unknown> = { ...(params as object | undefined) };
  const limit = options.pageSize ?? numberOrUndefined(base["limit"]);
  if (options.pageSize !== undefined) base["limit"] = options.pageSize;
  const startOffset = numberOrUndefined(base["offset"]) ?? 0;

  let query: Record<string, unknown> = base;
  let received = 0;
  let longest = 0;
  for (let pages = 0; pages < maxPages; ) {
    const page = await fn(client, query as P, options.requestOptions);
    pages++;
    const data: readonly unknown[] = Array.isArray(page?.data) ? page.data : [];
    if (data.length > 0 || pages === 1) yield page;
    if (data.length === 0) return;

    const raw = page as unknown as Record<string, unknown>;
    if (typeof raw["has_more"] === "boolean") {
      // Cursor style.
      if (!raw["has_more"]) return;
      const next = nextCursor(raw);
      if (!next) return;
      query = { ...withoutCursors(base), ...next };
      continue;
    }

    // Offset style.
    received += data.length;
    longest = Math.max(longest, data.length);
    const links = raw["links"];
    if (isObject(links) && "next" in links && links["next"] == null) return;
    const total = raw["total_count"];
    if (typeof total === "number" && startOffset + received >= total) return;
    if (data.length < (limit ?? longest)) return;
    query = { ...base, offset: startOffset + received };
  }
}

/**
 * Iterates over the items of every page of a list operation: {@link paginatePages} flattened. The
 * item type is inferred from the operation's response `data` array.
 *
 * Works with the offset/limit lists (`apiKeysList` (offset only), `byokList`,
 * `datasetsGetAppRankings`, `datasetsGetSessionCost`, `embeddingsListModels`, `guardrailsList`,
 * `guardrailsListKeyAssignments`, `guardrailsListMemberAssignments`,
 * `guardrailsListGuardrailKeyAssignments`, `guardrailsListGuardrailMemberAssignments`,
 * `modelsList`, `modelsListForUser`, `observabilityList`, `organizationListMembers`,
 * `presetsList`, `presetsListVersions`, `scimListGroups`, `scimListMappings`, `workspacesList`,
 * `workspacesListMembers`) and the cursor list `filesList`.
 *
 * @example
 * ```ts
 * for await (const key of paginate(apiKeysList, client, {})) {
 *   console.log(key.label, key.usage); // typed from ApiKeysListResponse["data"]
 * }
 * for await (const member of paginate(workspacesListMembers, client, { id }, { pageSize: 100 })) console.log(member);
 * ```
 */
export async function* paginate<P, R extends ListPage>(
  fn: ListOperation<P, R>,
  client: Client,
  params: NoInfer<P>,
  options?: PaginateOptions,
): AsyncGenerator<PageItem<R>, void, undefined> {
  for await (const page of paginatePages(fn, client, params, options)) {
    yield* page.data as ReadonlyArray<PageItem<R>>;
  }
}

function nextCursor(page: Record<string, unknown>): Record<string, string> | undefined {
  const cursor = page["cursor"];
  if (typeof cursor === "string" && cursor !== "") return { cursor };
  if ("cursor" in page) return undefined; // OpenRouter shape: `cursor: null` means the end.
  const lastId = page["last_id"];
  if (typeof lastId !== "string" || lastId === "") return undefined;
  return page["_shape"] === "anthropic" ? { after_id: lastId } : { after: lastId };
}

function withoutCursors(query: Record<string, unknown>): Record<string, unknown> {
  const { cursor: _c, after: _a, after_id: _ai, ...rest } = query;
  return rest;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
