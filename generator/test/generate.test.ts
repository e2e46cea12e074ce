import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  FIXTURE_SPECS,
  GENERATOR_ROOT,
  generateInto,
  typecheckOut,
  type GeneratedTree,
} from "./helpers.js";

/** One tiny spec per feature; every emitted file is snapshotted as real TypeScript. */
const scenarios: {
  name: string;
  description: string;
  spec: string;
  overlays?: string;
  want: [file: string, contains: string][];
}[] = [
  {
    name: "sse-json-overload",
    description: "JSON + text/event-stream with a `stream` flag becomes a typed overload",
    spec: "sse-json-overload.yaml",
    want: [
      ["openrouter-chat/src/operations/send.gen.ts", "params: ChatSendParams & { stream: true }"],
      ["openrouter-chat/src/operations/send.gen.ts", "APIPromise<Stream<ChatSendStreamChunk>>"],
      [
        "openrouter-chat/src/operations/send.gen.ts",
        'response: body.stream === true ? "sse" : "json"',
      ],
      ["openrouter-chat/src/operations/send.gen.ts", "readStream: sseStream"],
      ["openrouter-chat/src/types.gen.ts", '["text/event-stream"]["data"]'],
    ],
  },
  {
    name: "defaults",
    description: "fields with a default stay optional in requests",
    spec: "defaults.yaml",
    want: [
      ["openrouter-things/src/schema.gen.ts", "limit?: number;"],
      ["openrouter-things/src/schema.gen.ts", 'mode?: "fast" | "slow";'],
      ["openrouter-things/src/types.gen.ts", '["responses"][201]["content"]["application/json"]'],
    ],
  },
  {
    name: "multipart",
    description: "multipart bodies take Blob; JSON-or-multipart bodies choose at run time",
    spec: "multipart.yaml",
    want: [
      ["openrouter-files/src/schema.gen.ts", "file: Blob;"],
      ["openrouter-files/src/operations/upload.gen.ts", "body: toFormData(body)"],
      ["openrouter-files/src/operations/create.gen.ts", "body: formDataIfFiles(body)"],
    ],
  },
  {
    name: "binary-response",
    description:
      "binary media types return the Response; a media switch types RSS as text; no content is void",
    spec: "binary-response.yaml",
    want: [
      ["openrouter-audio/src/operations/create-speech.gen.ts", "APIPromise<Response>"],
      ["openrouter-audio/src/operations/create-speech.gen.ts", 'response: "binary"'],
      [
        "openrouter-audio/src/operations/list-models.gen.ts",
        'params: AudioListModelsParams & { use_rss: "true" }',
      ],
      ["openrouter-audio/src/operations/list-models.gen.ts", "APIPromise<string>"],
      ["openrouter-audio/src/operations/create-charge.gen.ts", "APIPromise<void>"],
      ["openrouter-audio/src/operations/create-charge.gen.ts", "@deprecated"],
    ],
  },
  {
    name: "path-params",
    description:
      "path, query and header parameters are typed and split; a clashing body nests under `body`",
    spec: "path-params.yaml",
    want: [
      ["openrouter-keys/src/operations/get-key.gen.ts", "pathParams: { hash }"],
      ["openrouter-keys/src/operations/get-key.gen.ts", "buildURL: paramsURL"],
      ["openrouter-keys/src/operations/get-key.gen.ts", 'headers: { "X-Trace-Id": xTraceId }'],
      ["openrouter-keys/src/operations/update-key.gen.ts", "const { hash, body } = params;"],
      [
        "openrouter-keys/src/types.gen.ts",
        "export type KeysUpdateKeyParams = KeysUpdateKeyParameters & { body: KeysUpdateKeyBody };",
      ],
      ["openrouter-keys/src/operations/set-budget.gen.ts", "pathParams: { id, interval }"],
    ],
  },
  {
    name: "one-of-discriminator",
    description: "oneOf with a discriminator becomes a union of its variants",
    spec: "one-of-discriminator.yaml",
    want: [
      [
        "openrouter-messages/src/schema.gen.ts",
        'Part: components["schemas"]["TextPart"] | components["schemas"]["ImagePart"];',
      ],
    ],
  },
  {
    name: "nullable",
    description:
      "OpenAPI 3.0 `nullable` becomes `| null`; required query params make params required",
    spec: "nullable.yaml",
    want: [
      ["openrouter-generations/src/schema.gen.ts", "cost: number | null;"],
      [
        "openrouter-generations/src/operations/get-generation.gen.ts",
        "params: GenerationsGetGenerationParams,",
      ],
    ],
  },
  {
    name: "naming-clashes",
    description:
      "clashing method names resolve by path order; untagged operations land in `general`",
    spec: "naming-clashes.yaml",
    want: [
      ["openrouter-api-keys/src/operations/list.gen.ts", "export function apiKeysList("],
      [
        "openrouter-api-keys/src/operations/list-all-keys.gen.ts",
        "export function apiKeysListAllKeys(",
      ],
      ["openrouter-general/src/operations/ping.gen.ts", 'response: "text"'],
    ],
  },
  {
    name: "overlays",
    description: "overlays from the spec folder are applied before normalisation",
    spec: "sse-json-overload.yaml",
    overlays: "rename-and-extend",
    want: [
      ["openrouter-chat/src/schema.gen.ts", "temperature?: number;"],
      ["openrouter-chat/src/operations/send.gen.ts", "Described by an overlay."],
    ],
  },
];

describe("generate (feature fixtures)", () => {
  const trees: GeneratedTree[] = [];
  afterAll(async () => Promise.all(trees.map((t) => t.cleanup())));

  it.each(scenarios)("$name: $description", async ({ name, spec, overlays, want }) => {
    const tree = await generateInto(path.join(FIXTURE_SPECS, spec), {
      overlaysDir: overlays
        ? path.join(GENERATOR_ROOT, "test", "fixtures", "overlays", overlays)
        : undefined,
    });
    trees.push(tree);

    // assert the feature is emitted the way users need it
    for (const [file, contains] of want) {
      expect(tree.files.get(file), `${file} should exist`).toBeDefined();
      expect(tree.files.get(file)).toContain(contains);
    }
    // assert every file matches its reviewed snapshot (the tsconfig holds a machine-specific path)
    for (const [file, content] of tree.files) {
      if (file === "tsconfig.json") continue;
      await expect(content).toMatchFileSnapshot(`__snapshots__/${name}/${file}`);
    }
    // assert the output typechecks against the workspace core
    expect(typecheckOut(tree.ctx.outDir)).toEqual([]);
  });

  it("is deterministic: two runs give byte-identical files", async () => {
    const a = await generateInto(path.join(FIXTURE_SPECS, "path-params.yaml"));
    const b = await generateInto(path.join(FIXTURE_SPECS, "path-params.yaml"));
    trees.push(a, b);
    const strip = (files: Map<string, string>) =>
      new Map([...files].filter(([f]) => f !== "tsconfig.json"));
    expect(strip(a.files)).toEqual(strip(b.files));
  });

  it("marks every TypeScript file as generated, with the spec hash", async () => {
    const tree = await generateInto(path.join(FIXTURE_SPECS, "defaults.yaml"));
    trees.push(tree);
    const hash = tree.result.specHash.slice(0, 12);
    for (const [file, content] of tree.files) {
      if (!file.endsWith(".ts")) continue;
      expect(file).toMatch(/\.gen\.ts$/);
      expect(content.split("\n")[0]).toBe(
        `// Generated by @orkit/generator from the OpenRouter OpenAPI spec (sha256 ${hash}). Do not edit: run \`pnpm generate\`.`,
      );
    }
  });
});
