import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  HISTORY_DIR,
  PINNED_SPEC,
  generateInto,
  typecheckOut,
  type GeneratedTree,
} from "./helpers.js";

describe("the pinned OpenRouter spec", () => {
  let tree: GeneratedTree;
  afterAll(() => tree?.cleanup());

  // Speed is measured by `pnpm generate` (it prints per-stage timings), not asserted here: a timed
  // test on a shared 2-core machine fails for reasons that have nothing to do with the generator.
  it("generates every operation with timed stages, and the output typechecks", async () => {
    tree = await generateInto(PINNED_SPEC, { useRepoSpecDir: true });
    const ops = tree.result.api.resources.flatMap((r) => r.operations);
    // 97 operations in the spec + /completions and /parameters restored by overlays
    expect(ops).toHaveLength(99);
    expect(tree.result.unmatchedOverlays).toEqual([]);
    expect(tree.result.inapplicableOverlays).toEqual([]);
    expect(tree.result.warnings).toEqual([]);
    expect(tree.result.timings.map((t) => t.stage)).toEqual([
      "load",
      "validate",
      "overlay",
      "normalize",
      "types",
      "plan",
      "emit",
      "format",
      "write",
    ]);
    expect(typecheckOut(tree.ctx.outDir)).toEqual([]);
  });

  it("names operations as the seed documents do", () => {
    const names = new Set(
      tree.result.api.resources.flatMap((r) =>
        r.operations.map((o) => `${r.namespace}.${o.methodName}`),
      ),
    );
    for (const expected of [
      "chat.send",
      "completions.generate",
      "models.list",
      "models.count",
      "models.listForUser",
      "embeddings.generate",
      "embeddings.listModels",
      "apiKeys.getCurrentKeyMetadata",
      "apiKeys.list",
      "apiKeys.create",
      "apiKeys.update",
      "apiKeys.delete",
      "apiKeys.get",
      "credits.getCredits",
      "credits.createCoinbaseCharge",
      "generations.getGeneration",
      "providers.list",
      "endpoints.list",
      "endpoints.listZdrEndpoints",
      "analytics.getUserActivity",
      "guardrails.list",
      "guardrails.create",
      "guardrails.update",
      "guardrails.delete",
      "guardrails.bulkAssignKeys",
      "guardrails.bulkAssignMembers",
      "oAuth.createAuthCode",
      "oAuth.exchangeAuthCodeForApiKey",
      "responses.send",
      "parameters.getParameters",
    ]) {
      expect(names, expected).toContain(expected);
    }
    const responses = tree.result.api.resources.find((r) => r.namespace === "responses");
    expect(responses?.aliases).toContain("beta.responses");
  });

  it("types streaming operations as overloads and the rest by media type", () => {
    const ops = new Map(
      tree.result.api.resources.flatMap((r) => r.operations.map((o) => [o.functionName, o])),
    );
    for (const name of [
      "chatSend",
      "responsesSend",
      "messagesCreate",
      "completionsGenerate",
      "imagesGenerate",
    ]) {
      expect(ops.get(name)?.response.streamMediaType, name).toBe("text/event-stream");
    }
    for (const name of ["embeddingsGenerate", "rerankCreate"]) {
      expect(ops.get(name)?.response.streamMediaType, name).toBeUndefined();
    }
    expect(ops.get("speechCreate")?.response.kind).toBe("binary");
    expect(ops.get("filesDownload")?.response.kind).toBe("binary");
    expect(ops.get("videosGetVideoContent")?.response.kind).toBe("binary");
    expect(ops.get("modelsList")?.mediaSwitch).toMatchObject({ param: "use_rss", kind: "text" });
    expect(ops.get("filesUpload")?.body?.mediaType).toBe("multipart/form-data");
    expect(ops.get("transcriptionsCreate")?.body?.multipartMediaType).toBe("multipart/form-data");
  });

  it("slices each package's types to the schemas its operations reach", () => {
    const chat = tree.files.get("openrouter-chat/src/schema.gen.ts")!;
    const all = tree.result.api.resources.length;
    expect(all).toBe(30);
    // the chat package carries ~170 of the 769 schemas, not all of them
    const count = (chat.match(/^ {8}[A-Za-z_][\w]*: /gm) ?? []).length;
    expect(count).toBeGreaterThan(100);
    expect(count).toBeLessThan(300);
    expect(chat).not.toContain("GuardrailListResponse");
  });
});

describe("every spec version in history", async () => {
  const versions = (await readdir(HISTORY_DIR)).filter((f) => f.endsWith(".yaml")).sort();

  it("has the 13 versions this test was written for", () => {
    expect(versions.length).toBeGreaterThanOrEqual(13);
  });

  it.each(versions)("%s generates with --out and typechecks", async (version) => {
    const generated = await generateInto(path.join(HISTORY_DIR, version), { useRepoSpecDir: true });
    try {
      expect(generated.result.api.resources.flatMap((r) => r.operations).length).toBeGreaterThan(0);
      expect(typecheckOut(generated.ctx.outDir)).toEqual([]);
    } finally {
      await generated.cleanup();
    }
  });
});
