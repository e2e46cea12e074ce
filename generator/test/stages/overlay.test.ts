import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import {
  applyOverlays,
  OverlayError,
  type LoadedOverlay,
  type OverlayChange,
} from "../../src/stages/overlay.js";

/** A minimal valid overlay document around `actions`. */
function overlay(...actions: unknown[]): Record<string, unknown> {
  return { overlay: "1.0.0", info: { title: "test", version: "1.0.0" }, actions };
}

/** Names files overlay-0.yaml, overlay-1.yaml… in the given order. */
function loaded(...documents: unknown[]): LoadedOverlay[] {
  return documents.map((document, i) => ({ file: `overlay-${i}.yaml`, document }));
}

const baseSpec = () => ({
  openapi: "3.1.0",
  info: { title: "API", version: "1.0.0", description: "old" },
  tags: [{ name: "Chat" }, { name: "Keys" }],
  paths: {
    "/keys/{hash}": {
      get: { operationId: "getKey", tags: ["Keys"], deprecated: true },
      delete: { operationId: "deleteKey", tags: ["Keys"], deprecated: true },
    },
    "/embeddings": {
      post: {
        responses: {
          "200": {
            content: {
              "application/json": { schema: { type: "object" } },
              "text/event-stream": { schema: { type: "string" } },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Key: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
    },
  },
});

interface ApplyCase {
  given: { spec?: Record<string, unknown>; overlays: LoadedOverlay[] };
  want: {
    /** Expected result, or a function that edits a fresh base spec into the expected result. */
    spec: (spec: ReturnType<typeof baseSpec>) => void;
    changes?: Array<Partial<OverlayChange>>;
    unmatched?: Array<Partial<OverlayChange>>;
  };
}

const cases: Array<[string, ApplyCase]> = [
  [
    "update deep-merges objects, replacing scalars and arrays",
    {
      given: {
        overlays: loaded(
          overlay({
            target: "$.components.schemas.Key",
            update: {
              description: "An API key",
              properties: { name: { description: "Name" }, hash: { type: "string" } },
              required: ["hash"],
            },
          }),
        ),
      },
      want: {
        spec: (s) => {
          s.components.schemas.Key = {
            type: "object",
            properties: {
              name: { type: "string", description: "Name" } as never,
              hash: { type: "string" } as never,
            },
            required: ["hash"],
            description: "An API key",
          } as never;
        },
        changes: [{ actionIndex: 0, kind: "update", matched: 1 }],
      },
    },
  ],
  [
    "update on an array appends the value as one entry",
    {
      given: {
        overlays: loaded(overlay({ target: "$.tags", update: { name: "Completions" } })),
      },
      want: { spec: (s) => void s.tags.push({ name: "Completions" }) },
    },
  ],
  [
    "update with an array value still appends a single entry (Overlay 1.0 text)",
    {
      given: { overlays: loaded(overlay({ target: "$.tags", update: [{ name: "A" }] })) },
      want: { spec: (s) => void (s.tags as unknown[]).push([{ name: "A" }]) },
    },
  ],
  [
    "update adds a path whose key contains / { }",
    {
      given: {
        overlays: loaded(
          overlay({ target: "$.paths", update: { "/parameters/{author}/{slug}": { get: {} } } }),
        ),
      },
      want: {
        spec: (s) => void Object.assign(s.paths, { "/parameters/{author}/{slug}": { get: {} } }),
      },
    },
  ],
  [
    "update applies to every match of a filter",
    {
      given: {
        overlays: loaded(
          overlay({
            target: "$.paths['/keys/{hash}'][?@.deprecated == true]",
            update: { deprecated: false },
          }),
        ),
      },
      want: {
        spec: (s) => {
          s.paths["/keys/{hash}"].get.deprecated = false;
          s.paths["/keys/{hash}"].delete.deprecated = false;
        },
        changes: [{ matched: 2 }],
      },
    },
  ],
  [
    "remove deletes an object key",
    {
      given: {
        overlays: loaded(
          overlay({
            target: "$.paths['/embeddings'].post.responses['200'].content['text/event-stream']",
            remove: true,
            description: "unused SSE",
          }),
        ),
      },
      want: {
        spec: (s) =>
          void delete (
            s.paths["/embeddings"].post.responses["200"].content as Record<string, unknown>
          )["text/event-stream"],
        changes: [
          {
            file: "overlay-0.yaml",
            actionIndex: 0,
            target: "$.paths['/embeddings'].post.responses['200'].content['text/event-stream']",
            kind: "remove",
            matched: 1,
            description: "unused SSE",
          },
        ],
      },
    },
  ],
  [
    "remove deletes several array elements without shifting the wrong ones",
    {
      given: {
        spec: { list: ["a", "b", "c", "d", "e"] },
        overlays: loaded(
          overlay({ target: "$.list[?@ == 'b' || @ == 'd' || @ == 'e']", remove: true }),
        ),
      },
      want: { spec: (s) => void Object.assign(s, { list: ["a", "c"] }) },
    },
  ],
  [
    "remove of the same element selected twice removes it once",
    {
      given: {
        spec: { list: ["a", "b", "c"] },
        overlays: loaded(overlay({ target: "$.list[1, 1, -2]", remove: true })),
      },
      want: { spec: (s) => void Object.assign(s, { list: ["a", "c"] }), changes: [{ matched: 1 }] },
    },
  ],
  [
    "a target that matches nothing is recorded in unmatched, not an error",
    {
      given: {
        overlays: loaded(
          overlay(
            { target: "$.paths['/gone'].post", update: { summary: "x" }, description: "stale" },
            { target: "$.info", update: { description: "new" } },
          ),
        ),
      },
      want: {
        spec: (s) => void (s.info.description = "new"),
        changes: [{ actionIndex: 1, target: "$.info", kind: "update", matched: 1 }],
        unmatched: [
          {
            file: "overlay-0.yaml",
            actionIndex: 0,
            target: "$.paths['/gone'].post",
            kind: "update",
            matched: 0,
            description: "stale",
          },
        ],
      },
    },
  ],
  [
    "actions run in order: a later action sees an earlier removal",
    {
      given: {
        overlays: loaded(
          overlay(
            { target: "$.components.schemas.Key", remove: true },
            { target: "$.components.schemas.Key", update: { type: "string" } },
            { target: "$.components.schemas", update: { Key: { type: "string" } } },
          ),
        ),
      },
      want: {
        spec: (s) => void (s.components.schemas.Key = { type: "string" } as never),
        unmatched: [{ actionIndex: 1, matched: 0 }],
      },
    },
  ],
  [
    "files run in the given order: the last update wins",
    {
      given: {
        overlays: loaded(
          overlay({ target: "$.info", update: { description: "first" } }),
          overlay({ target: "$.info", update: { description: "second" } }),
        ),
      },
      want: {
        spec: (s) => void (s.info.description = "second"),
        changes: [{ file: "overlay-0.yaml" }, { file: "overlay-1.yaml" }],
      },
    },
  ],
  [
    "files run in the given order: reversed, an update lands before the removal",
    {
      given: {
        overlays: loaded(
          overlay({ target: "$.components.schemas.Key", update: { title: "K" } }),
          overlay({ target: "$.components.schemas.Key", remove: true }),
        ),
      },
      want: { spec: (s) => void delete (s.components.schemas as Record<string, unknown>).Key },
    },
  ],
];

describe("applyOverlays", () => {
  test.each(cases)("%s", (_, { given, want }) => {
    const input = given.spec ?? baseSpec();
    const expected = structuredClone(input) as ReturnType<typeof baseSpec>;
    want.spec(expected);

    const result = applyOverlays(input, given.overlays);

    expect(result.spec).toEqual(expected);
    if (want.changes) {
      expect(result.changes).toHaveLength(want.changes.length);
      want.changes.forEach((c, i) => expect(result.changes[i]).toMatchObject(c));
    }
    expect(result.unmatched).toHaveLength(want.unmatched?.length ?? 0);
    want.unmatched?.forEach((c, i) => expect(result.unmatched[i]).toMatchObject(c));
  });

  test("never mutates the input spec or the overlay documents", () => {
    const spec = baseSpec();
    const specBefore = structuredClone(spec);
    const documents = loaded(
      overlay(
        { target: "$.tags", update: { name: "New", "x-list": [1] } },
        {
          target: "$.components.schemas.Key",
          update: { properties: { extra: { type: "string" } } },
        },
        { target: "$.paths['/keys/{hash}'].get", remove: true },
      ),
    );
    const overlaysBefore = structuredClone(documents);

    const result = applyOverlays(spec, documents);
    // assert edits to the result don't reach back into the overlay documents
    (result.spec.tags as Array<{ "x-list": number[] }>)[2]!["x-list"].push(2);

    expect(spec).toEqual(specBefore);
    expect(documents).toEqual(overlaysBefore);
  });

  test("an update value is copied per target, so targets don't share objects", () => {
    const result = applyOverlays(
      { a: {}, b: {} },
      loaded(overlay({ target: "$[?@]", update: { nested: { n: 1 } } })),
    );
    const spec = result.spec as Record<string, { nested: object }>;
    expect(spec.a!.nested).toEqual({ n: 1 });
    expect(spec.a!.nested).not.toBe(spec.b!.nested);
  });

  test("a __proto__ key in an update becomes data, not a prototype", () => {
    const update = parse("__proto__: { polluted: true }\nsafe: 1") as Record<string, unknown>;
    const result = applyOverlays({ info: {} }, loaded(overlay({ target: "$.info", update })));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.spec.info)).toBe(Object.prototype);
    expect(Object.keys(result.spec.info as object)).toEqual(["__proto__", "safe"]);
  });
});

interface ErrorCase {
  given: LoadedOverlay[];
  want: { file: string; pointer: string; message: RegExp };
}

const errorCases: Array<[string, ErrorCase]> = [
  [
    "document is not an object",
    {
      given: loaded("nope"),
      want: { file: "overlay-0.yaml", pointer: "", message: /must be an object/ },
    },
  ],
  [
    "overlay version is not 1.0.x",
    {
      given: loaded({ ...overlay({ target: "$", remove: true }), overlay: "1.1.0" }),
      want: { file: "overlay-0.yaml", pointer: "/overlay", message: /"1\.0\.x"/ },
    },
  ],
  [
    "info missing",
    {
      given: loaded({ overlay: "1.0.0", actions: [{ target: "$.a", remove: true }] }),
      want: { file: "overlay-0.yaml", pointer: "/info", message: /title and version/ },
    },
  ],
  [
    "info.title empty",
    {
      given: loaded({
        ...overlay({ target: "$.a", remove: true }),
        info: { title: "", version: "1" },
      }),
      want: { file: "overlay-0.yaml", pointer: "/info/title", message: /non-empty string/ },
    },
  ],
  [
    "info.version missing",
    {
      given: loaded({ ...overlay({ target: "$.a", remove: true }), info: { title: "t" } }),
      want: { file: "overlay-0.yaml", pointer: "/info/version", message: /non-empty string/ },
    },
  ],
  [
    "actions empty",
    {
      given: loaded(overlay()),
      want: { file: "overlay-0.yaml", pointer: "/actions", message: /non-empty array/ },
    },
  ],
  [
    "the second file is the bad one",
    {
      given: loaded(overlay({ target: "$.a", remove: true }), { ...overlay(), actions: "x" }),
      want: { file: "overlay-1.yaml", pointer: "/actions", message: /non-empty array/ },
    },
  ],
  [
    "target missing",
    {
      given: loaded(overlay({ target: "$.a", remove: true }, { update: {} })),
      want: { file: "overlay-0.yaml", pointer: "/actions/1/target", message: /must be a string/ },
    },
  ],
  [
    "malformed JSONPath target",
    {
      given: loaded(
        overlay({ target: "$.a", remove: true }, { target: "$.paths[/keys]", remove: true }),
      ),
      want: {
        file: "overlay-0.yaml",
        pointer: "/actions/1/target",
        message: /not a valid JSONPath/,
      },
    },
  ],
  [
    "both update and remove",
    {
      given: loaded(overlay({ target: "$.a", update: {}, remove: true })),
      want: {
        file: "overlay-0.yaml",
        pointer: "/actions/0",
        message: /exactly one of update and remove/,
      },
    },
  ],
  [
    "neither update nor remove",
    {
      given: loaded(overlay({ target: "$.a", remove: false })),
      want: { file: "overlay-0.yaml", pointer: "/actions/0", message: /does nothing/ },
    },
  ],
  [
    "remove is not a boolean",
    {
      given: loaded(overlay({ target: "$.a", remove: "yes" })),
      want: { file: "overlay-0.yaml", pointer: "/actions/0/remove", message: /boolean/ },
    },
  ],
  [
    "unknown action field (Overlay 1.1 copy)",
    {
      given: loaded(overlay({ target: "$.a", copy: "$.b" })),
      want: { file: "overlay-0.yaml", pointer: "/actions/0/copy", message: /Overlay 1\.1/ },
    },
  ],
  [
    "update on a string node",
    {
      given: loaded(overlay({ target: "$.info.title", update: "New" })),
      want: {
        file: "overlay-0.yaml",
        pointer: "/actions/0/target",
        message: /\$\['info'\]\['title'\]/,
      },
    },
  ],
  [
    "non-object update for an object node",
    {
      given: loaded(overlay({ target: "$.info", update: "New" })),
      want: { file: "overlay-0.yaml", pointer: "/actions/0/update", message: /must be an object/ },
    },
  ],
  [
    "remove the root",
    {
      given: loaded(overlay({ target: "$", remove: true })),
      want: { file: "overlay-0.yaml", pointer: "/actions/0/target", message: /document root/ },
    },
  ],
];

describe("applyOverlays errors", () => {
  test.each(errorCases)("%s", (_, { given, want }) => {
    let caught: unknown;
    try {
      applyOverlays(baseSpec(), given);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OverlayError);
    const error = caught as OverlayError;
    expect({ file: error.file, pointer: error.pointer }).toEqual({
      file: want.file,
      pointer: want.pointer,
    });
    expect(error.message).toMatch(want.message);
    // assert the message itself says where to look
    expect(error.message.startsWith(`${want.file}#${want.pointer}: `)).toBe(true);
  });

  test("a bad later file stops everything before any action runs", () => {
    const spec = baseSpec();
    expect(() =>
      applyOverlays(spec, loaded(overlay({ target: "$.info", update: { x: 1 } }), overlay())),
    ).toThrow(OverlayError);
    expect(spec.info).toEqual(baseSpec().info);
  });
});

// ---------------------------------------------------------------------------------------------
// The overlays this repository ships, applied to the pinned OpenRouter spec.

const overlaysDir = fileURLToPath(new URL("../../../spec/overlays/", import.meta.url));
const specPath =
  process.env.ORKIT_SPEC ??
  fileURLToPath(new URL("../../../../shared/openrouter-spec/openapi.yaml", import.meta.url));

// These tests reach deep into the spec; typing every level would only add casts.
type Json = Record<string, any>;

describe("repository overlays", () => {
  // Applied in file-name order, exactly as the pipeline does.
  const files = readdirSync(overlaysDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const overlays: LoadedOverlay[] = files.map((f) => ({
    file: `spec/overlays/${f}`,
    document: parse(readFileSync(join(overlaysDir, f), "utf8")),
  }));
  let pinned: Json;
  let result: ReturnType<typeof applyOverlays>;
  let spec: Json;

  beforeAll(() => {
    pinned = parse(readFileSync(specPath, "utf8"), { maxAliasCount: -1 }) as Json;
    result = applyOverlays(pinned, overlays);
    spec = result.spec;
  }, 60_000);

  test("there are overlays, named NNN-kebab-case.yaml, each with a one-line x-reason", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const { file, document } of overlays) {
      expect(file).toMatch(/\/\d{3}-[a-z0-9-]+\.yaml$/);
      const reason = (document as Json).info["x-reason"];
      expect(typeof reason, file).toBe("string");
      expect(reason.trim().length, file).toBeGreaterThan(0);
      expect(reason, file).not.toMatch(/\n/);
    }
  });

  test("every action still matches the pinned spec", () => {
    expect(result.unmatched).toEqual([]);
  });

  test("POST /completions is restored with a JSON and a streaming 200", () => {
    const op = spec.paths["/completions"]?.post;
    expect(op).toMatchObject({
      operationId: "createCompletions",
      tags: ["Completions"],
      "x-speakeasy-name-override": "generate",
    });
    expect(Object.keys(op.responses["200"].content).sort()).toEqual([
      "application/json",
      "text/event-stream",
    ]);
    for (const status of ["400", "401", "402", "429", "500"]) {
      expect(op.responses[status]?.content?.["application/json"]?.schema?.$ref, status).toMatch(
        /^#\/components\/schemas\/\w+Response$/,
      );
    }
    const body = resolve(spec, op.requestBody.content["application/json"].schema.$ref);
    expect(body.properties.stream).toMatchObject({ type: "boolean", default: false });
    expect(body.required).toEqual(["prompt"]);
  });

  test("the streamed chunk uses the same {data: chunk} wrapper as chat", () => {
    const chat = spec.paths["/chat/completions"].post.responses["200"].content["text/event-stream"];
    const mine = spec.paths["/completions"].post.responses["200"].content["text/event-stream"];
    const chatWrapper = resolve(spec, chat.schema.$ref);
    const myWrapper = resolve(spec, mine.schema.$ref);
    expect(Object.keys(myWrapper.properties)).toEqual(Object.keys(chatWrapper.properties));
    expect(myWrapper.required).toEqual(chatWrapper.required);
    expect(mine["x-speakeasy-sse-sentinel"]).toBe(chat["x-speakeasy-sse-sentinel"]);
  });

  test("new Completions… schemas don't overwrite anything in the pinned spec", () => {
    const added = Object.keys(spec.components.schemas).filter(
      (name) => !(name in pinned.components.schemas),
    );
    expect(added.filter((n) => n.startsWith("Completions")).length).toBeGreaterThan(0);
    const pinnedCompletions = Object.keys(pinned.components.schemas).filter((n) =>
      n.startsWith("Completions"),
    );
    expect(pinnedCompletions).toEqual([]);
  });

  test("GET /parameters/{author}/{slug} is restored", () => {
    const op = spec.paths["/parameters/{author}/{slug}"]?.get;
    expect(op).toMatchObject({
      operationId: "getParameters",
      tags: ["Parameters"],
      "x-speakeasy-name-override": "getParameters",
    });
    expect(op.parameters.map((p: Json) => `${p.in}:${p.name}`)).toEqual([
      "path:author",
      "path:slug",
      "query:provider",
    ]);
  });

  test("tags are declared once each, including the restored ones", () => {
    const names = spec.tags.map((t: Json) => t.name);
    expect(names).toEqual([...new Set(names)]);
    expect(names).toEqual(expect.arrayContaining(["Completions", "Parameters"]));
  });

  test("/embeddings and /rerank 200 responses are JSON only", () => {
    for (const path of ["/embeddings", "/rerank"]) {
      expect(Object.keys(spec.paths[path].post.responses["200"].content), path).toEqual([
        "application/json",
      ]);
    }
  });

  test("every streaming operation has a boolean stream switch defaulting to false", () => {
    for (const [path, item] of Object.entries(spec.paths as Json)) {
      const op = item.post;
      if (!op?.responses?.["200"]?.content?.["text/event-stream"]) continue;
      const body = resolve(spec, op.requestBody.content["application/json"].schema.$ref);
      expect(body.properties.stream, path).toMatchObject({ type: "boolean", default: false });
    }
  });

  test("operationIds stay unique", () => {
    const ids = Object.values(spec.paths as Json).flatMap((item: Json) =>
      Object.values(item).map((op: Json) => op.operationId),
    );
    expect(ids).toEqual([...new Set(ids)]);
  });

  test("every $ref in the patched document resolves", () => {
    const broken: string[] = [];
    walk(spec, "#", (ref, at) => {
      if (!ref.startsWith("#/") || resolve(spec, ref) === undefined) broken.push(`${at} → ${ref}`);
    });
    expect(broken).toEqual([]);
  });
});

/** Resolves a local `#/a/b` reference (RFC 6901 escapes) or returns undefined. */
function resolve(document: Json, ref: string): Json {
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) {
      return undefined as unknown as Json;
    }
    node = (node as Json)[key];
  }
  return node as Json;
}

/** Calls `visit` for every `$ref` string in `node`, with the pointer where it was found. */
function walk(node: unknown, at: string, visit: (ref: string, at: string) => void): void {
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${at}/${i}`, visit));
  else if (typeof node === "object" && node !== null) {
    for (const [key, child] of Object.entries(node)) {
      if (key === "$ref" && typeof child === "string") visit(child, at);
      else if (key === "discriminator" && typeof child === "object" && child !== null) {
        // mapping values are references too, just not spelled "$ref"
        for (const [name, ref] of Object.entries((child as Json).mapping ?? {})) {
          visit(String(ref), `${at}/discriminator/mapping/${name}`);
        }
      } else walk(child, `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, visit);
    }
  }
}
