import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { diffSpecs, type ApiChange, type ApiDiff, type Bump } from "../../src/diff/index.js";
import { createRefResolver } from "../../src/diff/ref-resolver.js";
import { createSchemaDiffer } from "../../src/diff/schema-diff.js";
import { chatSpec, jsonBody, obj, okJson, op, spec } from "./spec-builders.js";

const CHAT = "POST /chat/completions (sendChat)";
const REQ = "requestBody.application/json";
const RES = "responses.200.application/json";

/** [kind, bump, location, message] of each change, in diff order. */
type Want = Array<[string, Bump, string, string]>;
const summarise = (diff: ApiDiff): Want =>
  diff.changes.map((c) => [c.kind, c.bump, c.location, c.message]);

interface SchemaCase {
  given: { old: object; new: object };
  /** Every change expected, all on the `Chat` operation. */
  want: Want;
}

const str = { type: "string" };
const role = (...values: string[]) => ({ type: "string", enum: values });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** A `type`-discriminated union of a text component (named `text`) and `Image`. */
const discriminated = (text: string) => ({
  oneOf: [ref(text), ref("Image")],
  discriminator: {
    propertyName: "type",
    mapping: { text: `#/components/schemas/${text}`, image: "#/components/schemas/Image" },
  },
});

// One case per kind of change; each lists every change it expects, so noise fails the test too.
const CHAT_CASES: Array<[string, SchemaCase]> = [
  [
    "nested request field becomes required",
    {
      given: {
        old: chatSpec({ request: obj({ provider: obj({ sort: str }) }) }),
        new: chatSpec({ request: obj({ provider: obj({ sort: str }, ["sort"]) }) }),
      },
      want: [
        [
          "request-field-required",
          "major",
          `${REQ}.provider.sort`,
          "request field `provider.sort` is now required",
        ],
      ],
    },
  ],
  [
    "request field becomes optional",
    {
      given: {
        old: chatSpec({ request: obj({ model: str }, ["model"]) }),
        new: chatSpec({ request: obj({ model: str }) }),
      },
      want: [
        [
          "request-field-optional",
          "minor",
          `${REQ}.model`,
          "request field `model` is now optional",
        ],
      ],
    },
  ],
  [
    "optional request field added",
    {
      given: {
        old: chatSpec({ request: obj({ model: str }) }),
        new: chatSpec({ request: obj({ model: str, stream: { type: "boolean" } }) }),
      },
      want: [
        [
          "request-field-added",
          "minor",
          `${REQ}.stream`,
          "request field `stream` was added (optional)",
        ],
      ],
    },
  ],
  [
    "required request field added",
    {
      given: {
        old: chatSpec({ request: obj({ stream: str }) }),
        new: chatSpec({ request: obj({ stream: str, model: str }, ["model"]) }),
      },
      want: [
        [
          "request-field-added",
          "major",
          `${REQ}.model`,
          "request field `model` was added and is required",
        ],
      ],
    },
  ],
  [
    "request field removed",
    {
      given: {
        old: chatSpec({ request: obj({ model: str, stream: str }) }),
        new: chatSpec({ request: obj({ model: str }) }),
      },
      want: [
        ["request-field-removed", "major", `${REQ}.stream`, "request field `stream` was removed"],
      ],
    },
  ],
  [
    "readOnly field is ignored in requests",
    {
      given: {
        old: chatSpec({ request: obj({ id: { type: "string", readOnly: true } }) }),
        new: chatSpec({ request: obj({}) }),
      },
      want: [],
    },
  ],
  [
    "response field added",
    {
      given: {
        old: chatSpec({ response: obj({ id: str }) }),
        new: chatSpec({ response: obj({ id: str, model: str }) }),
      },
      want: [["response-field-added", "minor", `${RES}.model`, "response field `model` was added"]],
    },
  ],
  [
    "response field removed",
    {
      given: {
        old: chatSpec({ response: obj({ id: str, model: str }) }),
        new: chatSpec({ response: obj({ id: str }) }),
      },
      want: [
        ["response-field-removed", "major", `${RES}.model`, "response field `model` was removed"],
      ],
    },
  ],
  [
    "response field becomes optional",
    {
      given: {
        old: chatSpec({ response: obj({ id: str }, ["id"]) }),
        new: chatSpec({ response: obj({ id: str }) }),
      },
      want: [
        [
          "response-field-optional",
          "major",
          `${RES}.id`,
          "response field `id` is now optional (may be missing)",
        ],
      ],
    },
  ],
  [
    "response field becomes always present",
    {
      given: {
        old: chatSpec({ response: obj({ id: str }) }),
        new: chatSpec({ response: obj({ id: str }, ["id"]) }),
      },
      want: [
        [
          "response-field-required",
          "minor",
          `${RES}.id`,
          "response field `id` is now always present",
        ],
      ],
    },
  ],
  [
    "enum value added to a request field",
    {
      given: {
        old: chatSpec({ request: obj({ role: role("user") }) }),
        new: chatSpec({ request: obj({ role: role("user", "tool") }) }),
      },
      want: [
        [
          "enum-value-added",
          "minor",
          `${REQ}.role`,
          'request field `role` gained enum value `"tool"`',
        ],
      ],
    },
  ],
  [
    "enum value removed from a request field",
    {
      given: {
        old: chatSpec({ request: obj({ role: role("user", "tool") }) }),
        new: chatSpec({ request: obj({ role: role("user") }) }),
      },
      want: [
        [
          "enum-value-removed",
          "major",
          `${REQ}.role`,
          'request field `role` lost enum value `"tool"`',
        ],
      ],
    },
  ],
  [
    "enum value added to a response field",
    {
      given: {
        old: chatSpec({ response: obj({ finish: role("stop") }) }),
        new: chatSpec({ response: obj({ finish: role("stop", "length") }) }),
      },
      want: [
        [
          "enum-value-added",
          "minor",
          `${RES}.finish`,
          'response field `finish` gained enum value `"length"`',
        ],
      ],
    },
  ],
  [
    "enum value removed from a response field",
    {
      given: {
        old: chatSpec({ response: obj({ finish: role("stop", "length") }) }),
        new: chatSpec({ response: obj({ finish: role("stop") }) }),
      },
      want: [
        [
          "enum-value-removed",
          "minor",
          `${RES}.finish`,
          'response field `finish` lost enum value `"length"`',
        ],
      ],
    },
  ],
  [
    "type changed incompatibly",
    {
      given: {
        old: chatSpec({ request: obj({ n: str }) }),
        new: chatSpec({ request: obj({ n: { type: "integer" } }) }),
      },
      want: [
        [
          "type-changed",
          "major",
          `${REQ}.n`,
          "request field `n` changed type from `string` to `integer`",
        ],
      ],
    },
  ],
  [
    "request type widened from integer to number",
    {
      given: {
        old: chatSpec({ request: obj({ t: { type: "integer" } }) }),
        new: chatSpec({ request: obj({ t: { type: "number" } }) }),
      },
      want: [
        [
          "type-widened",
          "minor",
          `${REQ}.t`,
          "request field `t` changed type from `integer` to `number`",
        ],
      ],
    },
  ],
  [
    "response field may now be null",
    {
      given: {
        old: chatSpec({ response: obj({ usage: obj({ total: { type: "number" } }) }) }),
        new: chatSpec({
          response: obj({ usage: obj({ total: { type: "number", nullable: true } }) }),
        }),
      },
      want: [
        [
          "type-changed",
          "major",
          `${RES}.usage.total`,
          "response field `usage.total` may now be `null`",
        ],
      ],
    },
  ],
  [
    "request field accepts null too",
    {
      given: {
        old: chatSpec({ request: obj({ limit: { type: "number" } }) }),
        new: chatSpec({ request: obj({ limit: { type: ["number", "null"] } }) }),
      },
      want: [
        ["type-widened", "minor", `${REQ}.limit`, "request field `limit` now also accepts `null`"],
      ],
    },
  ],
  [
    "3.0 nullable, 3.1 null type and anyOf-with-null are the same",
    {
      given: {
        old: chatSpec({
          request: obj({ a: { type: "string", nullable: true }, b: { type: ["string", "null"] } }),
        }),
        new: chatSpec({
          request: obj({
            a: { type: ["string", "null"] },
            b: { anyOf: [{ type: "string" }, { type: "null" }] },
          }),
        }),
      },
      want: [],
    },
  ],
  [
    "allOf composition equals the inline object",
    {
      given: {
        old: chatSpec({ response: obj({ id: str, model: str }, ["id"]) }),
        new: chatSpec({
          response: { allOf: [{ $ref: "#/components/schemas/Base" }, obj({ model: str })] },
          schemas: { Base: obj({ id: str }, ["id"]) },
        }),
      },
      want: [],
    },
  ],
  [
    "field added through an allOf part",
    {
      given: {
        old: chatSpec({
          response: { allOf: [{ $ref: "#/components/schemas/Base" }] },
          schemas: { Base: obj({ id: str }) },
        }),
        new: chatSpec({
          response: { allOf: [{ $ref: "#/components/schemas/Base" }] },
          schemas: { Base: obj({ id: str, created: { type: "integer" } }) },
        }),
      },
      want: [
        ["response-field-added", "minor", `${RES}.created`, "response field `created` was added"],
      ],
    },
  ],
  [
    "change to additionalProperties values",
    {
      given: {
        old: chatSpec({
          request: obj({ metadata: { type: "object", additionalProperties: str } }),
        }),
        new: chatSpec({
          request: obj({ metadata: { type: "object", additionalProperties: { type: "integer" } } }),
        }),
      },
      want: [
        [
          "type-changed",
          "major",
          `${REQ}.metadata.*`,
          "request field `metadata.*` changed type from `string` to `integer`",
        ],
      ],
    },
  ],
  [
    "request object closed to extra keys",
    {
      given: {
        old: chatSpec({ request: obj({ a: str }) }),
        new: chatSpec({ request: { ...obj({ a: str }), additionalProperties: false } }),
      },
      want: [
        ["additional-properties-removed", "major", REQ, "request body no longer allows extra keys"],
      ],
    },
  ],
  [
    "field deprecated",
    {
      given: {
        old: chatSpec({ request: obj({ max_tokens: { type: "integer" } }) }),
        new: chatSpec({ request: obj({ max_tokens: { type: "integer", deprecated: true } }) }),
      },
      want: [
        [
          "deprecated",
          "minor",
          `${REQ}.max_tokens`,
          "request field `max_tokens` is now deprecated",
        ],
      ],
    },
  ],
  [
    "operation deprecated",
    {
      given: { old: chatSpec(), new: chatSpec({ op: { deprecated: true } }) },
      want: [["deprecated", "minor", "deprecated", "operation is now deprecated"]],
    },
  ],
  [
    "descriptions and summary only",
    {
      given: {
        old: chatSpec({ request: obj({ model: { type: "string", description: "Model id" } }) }),
        new: chatSpec({
          request: obj({ model: { type: "string", description: "Model slug" } }),
          op: { summary: "Create a chat completion" },
        }),
      },
      want: [
        [
          "description-changed",
          "patch",
          `${REQ}.model`,
          "request field `model` has a new description",
        ],
        ["description-changed", "patch", "summary", "operation summary changed"],
      ],
    },
  ],
  [
    "examples only",
    {
      given: {
        old: chatSpec({ response: obj({ id: { type: "string", example: "a" } }) }),
        new: chatSpec({ response: obj({ id: { type: "string", example: "b" } }) }),
      },
      want: [["example-changed", "patch", `${RES}.id`, "response field `id` has a new example"]],
    },
  ],
  [
    "request media type added",
    {
      given: {
        old: chatSpec(),
        new: chatSpec({
          op: {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: { type: "object" } },
                "multipart/form-data": { schema: { type: "object" } },
              },
            },
          },
        }),
      },
      want: [
        [
          "media-type-added",
          "minor",
          "requestBody.multipart/form-data",
          "request body now also accepts `multipart/form-data`",
        ],
      ],
    },
  ],
  [
    "request media type removed",
    {
      given: {
        old: chatSpec({
          op: {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: { type: "object" } },
                "text/plain": { schema: str },
              },
            },
          },
        }),
        new: chatSpec(),
      },
      want: [
        [
          "media-type-removed",
          "major",
          "requestBody.text/plain",
          "request body no longer accepts `text/plain`",
        ],
      ],
    },
  ],
  [
    "response media type removed",
    {
      given: {
        old: chatSpec({
          op: {
            responses: {
              "200": {
                description: "OK",
                content: {
                  "application/json": { schema: { type: "object" } },
                  "text/event-stream": { schema: str },
                },
              },
            },
          },
        }),
        new: chatSpec(),
      },
      want: [
        [
          "media-type-removed",
          "major",
          "responses.200.text/event-stream",
          "response 200 is no longer returned as `text/event-stream`",
        ],
      ],
    },
  ],
  [
    "response media type added",
    {
      given: {
        old: chatSpec(),
        new: chatSpec({
          op: {
            responses: {
              "200": {
                description: "OK",
                content: {
                  "application/json": { schema: { type: "object" } },
                  "text/event-stream": { schema: str },
                },
              },
            },
          },
        }),
      },
      want: [
        [
          "media-type-added",
          "minor",
          "responses.200.text/event-stream",
          "response 200 may now be returned as `text/event-stream`",
        ],
      ],
    },
  ],
  [
    "success status added, error status removed",
    {
      given: {
        old: chatSpec({
          op: {
            responses: { ...okJson({ type: "object" }), "429": { description: "Rate limited" } },
          },
        }),
        new: chatSpec({
          op: { responses: { ...okJson({ type: "object" }), "202": { description: "Queued" } } },
        }),
      },
      want: [
        ["response-added", "minor", "responses.202", "may now return status 202"],
        ["response-removed", "patch", "responses.429", "no longer documents error status 429"],
      ],
    },
  ],
  [
    "request body removed",
    {
      given: { old: chatSpec(), new: chatSpec({ op: { requestBody: undefined } }) },
      want: [["request-body-removed", "major", "requestBody", "request body was removed"]],
    },
  ],
  [
    "request body becomes required",
    {
      given: {
        old: chatSpec({ op: { requestBody: jsonBody({ type: "object" }, false) } }),
        new: chatSpec(),
      },
      want: [["request-body-required", "major", "requestBody", "request body is now required"]],
    },
  ],
  [
    "variant added to a request union",
    {
      given: {
        old: chatSpec({
          request: obj({
            content: {
              type: "array",
              items: { oneOf: [{ $ref: "#/components/schemas/TextPart" }] },
            },
          }),
          schemas: { TextPart: obj({ text: str }), ImagePart: obj({ url: str }) },
        }),
        new: chatSpec({
          request: obj({
            content: {
              type: "array",
              items: {
                oneOf: [
                  { $ref: "#/components/schemas/TextPart" },
                  { $ref: "#/components/schemas/ImagePart" },
                ],
              },
            },
          }),
          schemas: { TextPart: obj({ text: str }), ImagePart: obj({ url: str }) },
        }),
      },
      want: [
        [
          "variant-added",
          "minor",
          `${REQ}.content[]`,
          "request field `content[]` has a new variant `ImagePart`",
        ],
      ],
    },
  ],
  [
    "variant removed from a request union",
    {
      given: {
        old: chatSpec({ request: obj({ stop: { oneOf: [str, { type: "array", items: str }] } }) }),
        new: chatSpec({ request: obj({ stop: { oneOf: [str] } }) }),
      },
      want: [
        ["variant-removed", "major", `${REQ}.stop`, "request field `stop` lost variant `array`"],
      ],
    },
  ],
  [
    "variant removed from a response union",
    {
      given: {
        old: chatSpec({
          response: obj({ content: { anyOf: [str, { type: "array", items: str }] } }),
        }),
        new: chatSpec({ response: obj({ content: { anyOf: [str] } }) }),
      },
      want: [
        [
          "variant-removed",
          "minor",
          `${RES}.content`,
          "response field `content` lost variant `array`",
        ],
      ],
    },
  ],
  [
    "plain field becomes a union",
    {
      given: {
        old: chatSpec({ request: obj({ stop: str }) }),
        new: chatSpec({ request: obj({ stop: { anyOf: [str, { type: "array", items: str }] } }) }),
      },
      want: [
        ["variant-added", "minor", `${REQ}.stop`, "request field `stop` has a new variant `array`"],
      ],
    },
  ],
  [
    "change inside a variant matched by component name",
    {
      given: {
        old: chatSpec({
          request: obj({
            messages: {
              type: "array",
              items: {
                oneOf: [
                  { $ref: "#/components/schemas/User" },
                  { $ref: "#/components/schemas/System" },
                ],
              },
            },
          }),
          schemas: { User: obj({ content: str }), System: obj({ content: str }) },
        }),
        new: chatSpec({
          request: obj({
            messages: {
              type: "array",
              items: {
                oneOf: [
                  { $ref: "#/components/schemas/System" },
                  { $ref: "#/components/schemas/User" },
                ],
              },
            },
          }),
          schemas: { User: obj({ content: str, name: str }), System: obj({ content: str }) },
        }),
      },
      want: [
        [
          "request-field-added",
          "minor",
          `${REQ}.messages[]<User>.name`,
          "request field `messages[]<User>.name` was added (optional)",
        ],
      ],
    },
  ],
  [
    "variants matched by discriminator value across a component rename",
    {
      given: {
        old: chatSpec({
          request: obj({ part: discriminated("OldText") }),
          schemas: { OldText: obj({ type: role("text") }), Image: obj({ type: role("image") }) },
        }),
        new: chatSpec({
          request: obj({ part: discriminated("TextPart") }),
          schemas: {
            TextPart: obj({ type: role("text"), lang: str }),
            Image: obj({ type: role("image") }),
          },
        }),
      },
      want: [
        [
          "request-field-added",
          "minor",
          `${REQ}.part<text>.lang`,
          "request field `part<text>.lang` was added (optional)",
        ],
      ],
    },
  ],
  [
    "optional query parameter added",
    {
      given: {
        old: chatSpec(),
        new: chatSpec({
          op: { parameters: [{ in: "query", name: "trace", schema: { type: "boolean" } }] },
        }),
      },
      want: [
        [
          "parameter-added",
          "minor",
          "parameters.query.trace",
          "query parameter `trace` was added (optional)",
        ],
      ],
    },
  ],
  [
    "required header parameter added",
    {
      given: {
        old: chatSpec(),
        new: chatSpec({
          op: { parameters: [{ in: "header", name: "X-Title", required: true, schema: str }] },
        }),
      },
      want: [
        [
          "parameter-added",
          "major",
          "parameters.header.X-Title",
          "header parameter `X-Title` was added and is required",
        ],
      ],
    },
  ],
  [
    "query parameter removed",
    {
      given: {
        old: chatSpec({ op: { parameters: [{ in: "query", name: "trace", schema: str }] } }),
        new: chatSpec(),
      },
      want: [
        [
          "parameter-removed",
          "major",
          "parameters.query.trace",
          "query parameter `trace` was removed",
        ],
      ],
    },
  ],
  [
    "query parameter becomes required",
    {
      given: {
        old: chatSpec({ op: { parameters: [{ in: "query", name: "trace", schema: str }] } }),
        new: chatSpec({
          op: { parameters: [{ in: "query", name: "trace", required: true, schema: str }] },
        }),
      },
      want: [
        [
          "parameter-required",
          "major",
          "parameters.query.trace",
          "query parameter `trace` is now required",
        ],
      ],
    },
  ],
  [
    "enum value removed from a query parameter",
    {
      given: {
        old: chatSpec({ op: { parameters: [{ $ref: "#/components/parameters/Order" }] } }),
        new: chatSpec({
          op: { parameters: [{ in: "query", name: "order", schema: role("asc") }] },
        }),
      },
      want: [
        [
          "enum-value-removed",
          "major",
          "parameters.query.order",
          'query parameter `order` lost enum value `"desc"`',
        ],
      ],
    },
  ],
  [
    "operationId renamed",
    {
      given: { old: chatSpec(), new: chatSpec({ op: { operationId: "createChatCompletion" } }) },
      want: [
        [
          "operation-renamed",
          "patch",
          "operationId",
          "renamed operationId from `sendChat` to `createChatCompletion`",
        ],
      ],
    },
  ],
];

describe("diffSpecs: one kind of change at a time", () => {
  it.each(CHAT_CASES)("%s", (_name, { given, want }) => {
    // The parameter component is shared by every case that wants it.
    const withParams = (doc: object) => ({
      ...doc,
      components: {
        ...(doc as { components: object }).components,
        parameters: { Order: { in: "query", name: "order", schema: role("asc", "desc") } },
      },
    });
    const diff = diffSpecs(withParams(given.old), withParams(given.new));
    expect(summarise(diff)).toEqual(want);
    for (const change of diff.changes) {
      expect(change.tag).toBe("Chat");
      expect(change.operation).toBe(
        CHAT.replace(
          "sendChat",
          change.kind === "operation-renamed" ? "createChatCompletion" : "sendChat",
        ),
      );
    }
    // assert the package bump is the largest single bump
    const bumps = want.map(([, bump]) => bump);
    const expected = bumps.includes("major")
      ? "major"
      : bumps.includes("minor")
        ? "minor"
        : bumps.includes("patch")
          ? "patch"
          : undefined;
    expect(diff.packages).toEqual(
      expected ? [{ tag: "Chat", bump: expected, changes: diff.changes }] : [],
    );
  });
});

describe("diffSpecs: operations and tags", () => {
  const keys = (extra: Record<string, unknown> = {}) => ({
    "/keys": { get: op("API Keys", "listKeys") },
    "/keys/{hash}": {
      get: op("API Keys", "getKey", {
        parameters: [{ in: "path", name: "hash", required: true, schema: str }],
      }),
    },
    ...extra,
  });
  const pick = (diff: ApiDiff) =>
    diff.changes.map((c) => [c.tag, c.kind, c.bump, c.operation, c.message]);

  it("reports an added operation and its new tag as minor", () => {
    const diff = diffSpecs(
      spec(keys()),
      spec(keys({ "/credits": { get: op("Credits", "getCredits") } })),
    );
    expect(pick(diff)).toEqual([
      ["Credits", "tag-added", "minor", "", "tag `Credits` is new, so its package is new"],
      [
        "Credits",
        "operation-added",
        "minor",
        "GET /credits (getCredits)",
        "operation `GET /credits` was added",
      ],
    ]);
    expect(diff.addedTags).toEqual(["Credits"]);
    expect(diff.packages.map((p) => [p.tag, p.bump])).toEqual([["Credits", "minor"]]);
  });

  it("reports a removed operation and a removed tag as major", () => {
    const diff = diffSpecs(
      spec(keys({ "/credits": { get: op("Credits", "getCredits") } })),
      spec({ "/keys": { get: op("API Keys", "listKeys") } }),
    );
    expect(pick(diff)).toEqual([
      [
        "API Keys",
        "operation-removed",
        "major",
        "GET /keys/{hash} (getKey)",
        "operation `GET /keys/{hash}` was removed",
      ],
      ["Credits", "tag-removed", "major", "", "tag `Credits` has no operations left"],
      [
        "Credits",
        "operation-removed",
        "major",
        "GET /credits (getCredits)",
        "operation `GET /credits` was removed",
      ],
    ]);
    expect(diff.removedTags).toEqual(["Credits"]);
    expect(diff.packages.map((p) => [p.tag, p.bump])).toEqual([
      ["API Keys", "major"],
      ["Credits", "major"],
    ]);
  });

  it("treats an operation whose tag changed as moved between packages", () => {
    const diff = diffSpecs(
      spec({ "/responses": { post: op("beta.responses", "createResponses") } }),
      spec({ "/responses": { post: op("Responses", "createResponses") } }),
    );
    expect(diff.packages.map((p) => [p.tag, p.bump])).toEqual([
      ["Responses", "minor"],
      ["beta.responses", "major"],
    ]);
    expect(diff.changes.find((c) => c.kind === "operation-removed")?.message).toBe(
      "operation `POST /responses` was removed (moved to tag `Responses`)",
    );
    expect([diff.addedTags, diff.removedTags]).toEqual([["Responses"], ["beta.responses"]]);
  });

  it("matches paths whose parameter names changed, and flags the renamed parameter", () => {
    const renamed = keys({
      "/keys/{hash}": undefined,
      "/keys/{id}": {
        get: op("API Keys", "getKey", {
          parameters: [{ in: "path", name: "id", required: true, schema: str }],
        }),
      },
    });
    delete (renamed as Record<string, unknown>)["/keys/{hash}"];
    const diff = diffSpecs(spec(keys()), spec(renamed));
    expect(pick(diff)).toEqual([
      [
        "API Keys",
        "parameter-renamed",
        "major",
        "GET /keys/{id} (getKey)",
        "path parameter `hash` was renamed to `id`",
      ],
    ]);
  });

  it("merges path-level parameters into each operation", () => {
    const limit = { in: "query", name: "limit", schema: { type: "integer" } };
    const before = spec({ "/keys": { parameters: [limit], get: op("API Keys", "listKeys") } });
    const after = spec({ "/keys": { get: op("API Keys", "listKeys", { parameters: [limit] }) } });
    expect(diffSpecs(before, after).changes).toEqual([]);
  });

  it("sorts changes by tag, operation, location and kind, and packages by tag", () => {
    const before = spec({
      "/b": { get: op("Beta", "b") },
      "/a": { get: op("Alpha", "a", { responses: okJson(obj({ x: str, y: str })) }) },
    });
    const after = spec({
      "/a": { get: op("Alpha", "a2", { responses: okJson(obj({ z: str })) }) },
      "/c": { get: op("Beta", "c") },
    });
    const diff = diffSpecs(before, after);
    const order = diff.changes.map((c) => `${c.tag}|${c.operation}|${c.location}|${c.kind}`);
    expect(order).toEqual([
      "Alpha|GET /a (a2)|operationId|operation-renamed",
      `Alpha|GET /a (a2)|${RES}.x|response-field-removed`,
      `Alpha|GET /a (a2)|${RES}.y|response-field-removed`,
      `Alpha|GET /a (a2)|${RES}.z|response-field-added`,
      "Beta|GET /b (b)||operation-removed",
      "Beta|GET /c (c)||operation-added",
    ]);
    expect(diff.packages.map((p) => [p.tag, p.bump, p.changes.length])).toEqual([
      ["Alpha", "major", 4],
      ["Beta", "major", 2],
    ]);
  });

  it("reports nothing for identical documents", () => {
    const doc = chatSpec({ request: obj({ model: str }) });
    expect(diffSpecs(doc, structuredClone(doc))).toEqual({
      changes: [],
      packages: [],
      addedTags: [],
      removedTags: [],
    });
  });
});

describe("diffSpecs: shared and recursive schemas", () => {
  it("stops at cycles and reports a change in a self-referencing schema once", () => {
    const node = (extra: Record<string, object> = {}) =>
      obj({
        name: str,
        children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
        ...extra,
      });
    const diff = diffSpecs(
      chatSpec({ response: { $ref: "#/components/schemas/Node" }, schemas: { Node: node() } }),
      chatSpec({
        response: { $ref: "#/components/schemas/Node" },
        schemas: { Node: node({ label: str }) },
      }),
    );
    expect(summarise(diff)).toEqual([
      ["response-field-added", "minor", `${RES}.label`, "response field `label` was added"],
    ]);
  });

  it("diffs a deep diamond of shared refs once per pair, and lists a shared change once per operation", () => {
    // Level i has two fields pointing at level i+1: 2^30 paths reach the leaf, 30 schema pairs exist.
    const levels = (leaf: object) => {
      const schemas: Record<string, object> = { L30: leaf };
      for (let i = 0; i < 30; i++)
        schemas[`L${i}`] = obj({
          a: { $ref: `#/components/schemas/L${i + 1}` },
          b: { $ref: `#/components/schemas/L${i + 1}` },
        });
      return schemas;
    };
    const paths = (schemas: Record<string, object>) =>
      spec(
        {
          "/one": {
            post: op("Deep", "one", { requestBody: jsonBody({ $ref: "#/components/schemas/L0" }) }),
          },
          "/two": {
            post: op("Deep", "two", { requestBody: jsonBody({ $ref: "#/components/schemas/L0" }) }),
          },
        },
        schemas,
      );
    const started = performance.now();
    const diff = diffSpecs(paths(levels(obj({ v: str }))), paths(levels(obj({ v: str }, ["v"]))));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(diff.changes.map((c) => [c.operation, c.kind, c.location])).toEqual([
      ["POST /one (one)", "request-field-required", `${REQ}${".a".repeat(30)}.v`],
      ["POST /two (two)", "request-field-required", `${REQ}${".a".repeat(30)}.v`],
    ]);
  });

  it("gives up below maxDepth instead of recursing forever", () => {
    const chain = (depth: number, leaf: object): object =>
      depth === 0 ? leaf : obj({ next: chain(depth - 1, leaf) });
    const oldDoc = {};
    const differ = createSchemaDiffer(createRefResolver(oldDoc), createRefResolver(oldDoc), {
      maxDepth: 3,
    });
    expect(differ.diff(chain(2, obj({ v: str })), chain(2, obj({ w: str })), "request").size).toBe(
      2,
    );
    expect(differ.diff(chain(5, obj({ v: str })), chain(5, obj({ w: str })), "request").size).toBe(
      0,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The real spec history: 13 versions of the OpenRouter spec, oldest 2025-09-08.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const historyDir =
  process.env.ORKIT_SPEC_HISTORY ?? path.resolve(repoRoot, "../shared/openrouter-spec/history");
const historyFiles = readdirSync(historyDir)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

// YAML parsing dominates; generous timeouts keep a loaded CI machine from failing these.
describe("diffSpecs on the real spec history", { timeout: 30_000 }, () => {
  const docs = new Map<string, object>();
  const load = (prefix: string): object => {
    const file = historyFiles.find((f) => f.startsWith(prefix));
    if (!file) throw new Error(`no history file starting with ${prefix} in ${historyDir}`);
    return docs.get(file)!;
  };
  const diffOf = (from: string, to: string) => diffSpecs(load(from), load(to));
  const bumpOf = (diff: ApiDiff, tag: string) => diff.packages.find((p) => p.tag === tag)?.bump;
  const kindsOf = (changes: ApiChange[]) => new Set(changes.map((c) => c.kind));
  const changesOf = (diff: ApiDiff, tag: string) =>
    diff.packages.find((p) => p.tag === tag)?.changes ?? [];

  beforeAll(() => {
    for (const file of historyFiles)
      docs.set(
        file,
        parse(readFileSync(path.join(historyDir, file), "utf8"), { maxAliasCount: -1 }),
      );
  }, 120_000);

  it("has the 13 versions the facts below were read from", () => {
    expect(historyFiles.length).toBe(13);
    expect(historyFiles[0]).toMatch(/^2025-09-08/);
  });

  it.each(historyFiles.slice(1).map((to, i) => [historyFiles[i]!, to] as const))(
    "%s → %s completes and is deterministic",
    (from, to) => {
      const first = diffSpecs(docs.get(from)!, docs.get(to)!);
      const second = diffSpecs(docs.get(from)!, docs.get(to)!);
      expect(second).toEqual(first);
      expect(first.packages.map((p) => p.tag)).toEqual(
        [...first.packages.map((p) => p.tag)].sort(),
      );
    },
  );

  it("2025-09-08 → 2025-10-07: 22 operations and 12 tags appear; the chat operationId was renamed", () => {
    const diff = diffOf("2025-09-08", "2025-10-07");
    expect(diff.addedTags).toEqual([
      "API Keys",
      "Analytics",
      "Completions",
      "Credits",
      "Embeddings",
      "Endpoints",
      "Generations",
      "Model",
      "Models",
      "OAuth",
      "Providers",
      "beta.responses",
    ]);
    expect(diff.removedTags).toEqual([]);
    expect(diff.changes.filter((c) => c.kind === "operation-added")).toHaveLength(22);
    // API Keys arrives whole: six new operations, nothing else, so a minor release.
    expect(bumpOf(diff, "API Keys")).toBe("minor");
    expect(
      changesOf(diff, "API Keys")
        .filter((c) => c.kind === "operation-added")
        .map((c) => c.operation)
        .sort(),
    ).toEqual([
      "DELETE /keys/{hash} (delete)",
      "GET /key (getCurrentKey)",
      "GET /keys (listApiKeys)",
      "GET /keys/{hash} (getApiKey)",
      "PATCH /keys/{hash} (update)",
      "POST /keys (create)",
    ]);
    expect(changesOf(diff, "Chat")).toContainEqual(
      expect.objectContaining({
        kind: "operation-renamed",
        bump: "patch",
        operation: "POST /chat/completions (sendChatCompletionRequest)",
        message: "renamed operationId from `createChatCompletion` to `sendChatCompletionRequest`",
      }),
    );
  });

  it("2025-10-07 → 2025-11-18: alpha responses path removed, Model tag renamed to Parameters, 15 operationIds renamed", () => {
    const diff = diffOf("2025-10-07", "2025-11-18");
    expect([diff.addedTags, diff.removedTags]).toEqual([["Parameters"], ["Model"]]);
    expect(bumpOf(diff, "beta.responses")).toBe("major");
    expect(changesOf(diff, "beta.responses").map((c) => [c.kind, c.operation])).toEqual([
      ["operation-removed", "POST /api/alpha/responses (sendResponsesRequest)"],
      ["operation-added", "POST /responses (createResponses)"],
    ]);
    expect(bumpOf(diff, "Model")).toBe("major");
    expect(bumpOf(diff, "Parameters")).toBe("minor");
    expect(changesOf(diff, "Parameters").map((c) => c.message)).toContain(
      "operation `GET /parameters/{author}/{slug}` was added (moved from tag `Model`)",
    );
    expect(diff.changes.filter((c) => c.kind === "operation-renamed")).toHaveLength(15);
    expect(bumpOf(diff, "Embeddings")).toBe("major");
    expect(changesOf(diff, "Embeddings")).toContainEqual(
      expect.objectContaining({
        kind: "operation-added",
        operation: "GET /embeddings/models (listEmbeddingsModels)",
      }),
    );
  });

  it("2025-11-18 → 2026-04-13: Completions and Parameters lose their operations; five new tags", () => {
    const diff = diffOf("2025-11-18", "2026-04-13");
    expect(diff.removedTags).toEqual(["Completions", "Parameters"]);
    expect(diff.addedTags).toEqual([
      "Anthropic Messages",
      "Guardrails",
      "Organization",
      "Rerank",
      "Video Generation",
    ]);
    expect(bumpOf(diff, "Completions")).toBe("major");
    expect(changesOf(diff, "Completions").map((c) => c.kind)).toEqual([
      "tag-removed",
      "operation-removed",
    ]);
    expect(changesOf(diff, "Completions")[1]!.operation).toBe(
      "POST /completions (createCompletions)",
    );
    expect(bumpOf(diff, "Guardrails")).toBe("minor");
    expect(kindsOf(changesOf(diff, "Guardrails"))).toEqual(
      new Set(["tag-added", "operation-added"]),
    );
    expect(changesOf(diff, "Guardrails").filter((c) => c.kind === "operation-added")).toHaveLength(
      13,
    );
  });

  it("2026-04-13 → 2026-05-06: API key limits became nullable in responses (major)", () => {
    const diff = diffOf("2026-04-13", "2026-05-06");
    expect(diff.addedTags).toEqual(["STT", "TTS", "Workspaces"]);
    expect(bumpOf(diff, "API Keys")).toBe("major");
    expect(changesOf(diff, "API Keys")).toContainEqual({
      kind: "type-changed",
      bump: "major",
      tag: "API Keys",
      operation: "GET /key (getCurrentKey)",
      location: `${RES}.data.limit`,
      message: "response field `data.limit` may now be `null`",
    });
    expect(bumpOf(diff, "Workspaces")).toBe("minor");
  });

  it("2026-07-21 → 2026-07-28: POST /responses moved from beta.responses to Responses", () => {
    const diff = diffOf("2026-07-21", "2026-07-28");
    expect([diff.addedTags, diff.removedTags]).toEqual([["Responses"], ["beta.responses"]]);
    expect(changesOf(diff, "beta.responses").map((c) => [c.kind, c.bump])).toEqual([
      ["tag-removed", "major"],
      ["operation-removed", "major"],
    ]);
    expect(changesOf(diff, "Responses").map((c) => [c.kind, c.bump])).toEqual([
      ["tag-added", "minor"],
      ["operation-added", "minor"],
    ]);
  });

  it("2026-08-11 → 2026-08-22: beta.Analytics folds into Analytics; advisor tool and shell output fields removed", () => {
    const diff = diffOf("2026-08-11", "2026-08-22");
    expect([diff.addedTags, diff.removedTags]).toEqual([[], ["beta.Analytics"]]);
    expect(bumpOf(diff, "beta.Analytics")).toBe("major");
    expect(
      changesOf(diff, "Analytics")
        .filter((c) => c.kind === "operation-added")
        .map((c) => c.operation),
    ).toEqual(["GET /analytics/meta (getAnalyticsMeta)", "POST /analytics/query (queryAnalytics)"]);
    expect(bumpOf(diff, "Datasets")).toBe("minor");
    expect(changesOf(diff, "Datasets")).toContainEqual(
      expect.objectContaining({
        kind: "operation-added",
        operation: "GET /datasets/session-cost (getSessionCost)",
      }),
    );
    // AdvisorServerToolConfig dropped `max_tool_calls` and `tools`.
    expect(bumpOf(diff, "Chat")).toBe("major");
    expect(changesOf(diff, "Chat")).toContainEqual(
      expect.objectContaining({
        kind: "request-field-removed",
        location: `${REQ}.tools[]<AdvisorServerTool_OpenRouter>.parameters.max_tool_calls`,
      }),
    );
    // ShellCallOutputItem.output[] went from {type, content, exit_code} to {stdout, stderr, outcome} (all required).
    const shell = changesOf(diff, "Responses").filter((c) =>
      c.location.includes("<ShellCallOutputItem>.output[]."),
    );
    expect(shell.map((c) => [c.kind, c.location.split(".").pop()]).sort()).toEqual([
      ["request-field-added", "outcome"],
      ["request-field-added", "stderr"],
      ["request-field-added", "stdout"],
      ["request-field-removed", "content"],
      ["request-field-removed", "exit_code"],
      ["request-field-removed", "type"],
    ]);
  });

  it("diffs the two newest versions in well under 5 s", () => {
    const [from, to] = historyFiles.slice(-2) as [string, string];
    const started = performance.now();
    const diff = diffSpecs(docs.get(from)!, docs.get(to)!);
    const elapsed = performance.now() - started;
    expect(diff.changes.length).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(5000);
  });
});
