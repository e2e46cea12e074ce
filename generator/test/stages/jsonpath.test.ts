import { describe, expect, test } from "vitest";
import {
  formatNormalizedPath,
  JsonPathSyntaxError,
  queryJsonPath,
} from "../../src/stages/overlay/jsonpath.js";

// A tiny OpenAPI-shaped document: enough for every selector kind, including keys that need
// brackets ("/keys/{hash}", "200", "x-speakeasy-name-override", "a~b").
const doc = {
  openapi: "3.1.0",
  tags: [
    { name: "Chat", description: "Chat endpoints" },
    { name: "Keys" },
    { name: "Embeddings", "x-hidden": true },
  ],
  paths: {
    "/keys/{hash}": {
      get: { operationId: "getKey", tags: ["Keys"], responses: { "200": { description: "ok" } } },
      delete: { operationId: "deleteKey", tags: ["Keys"], deprecated: false },
    },
    "/chat/completions": {
      post: {
        operationId: "send",
        "x-speakeasy-name-override": "send",
        responses: { "200": { description: "chat" } },
      },
    },
  },
  "a~b": { "it's": 1 },
  counts: [3, 10, "10"],
};

interface Case {
  given: string;
  /** Normalized paths of the matches, in order. */
  want: string[];
}

const cases: Array<[string, Case]> = [
  ["root", { given: "$", want: ["$"] }],
  ["dot member", { given: "$.openapi", want: ["$['openapi']"] }],
  ["chained dot members", { given: "$.paths.foo", want: [] }],
  [
    "bracket member with / { } (OpenAPI path keys)",
    { given: "$.paths['/keys/{hash}'].get", want: ["$['paths']['/keys/{hash}']['get']"] },
  ],
  [
    "double-quoted bracket member",
    { given: '$["paths"]["/chat/completions"]', want: ["$['paths']['/chat/completions']"] },
  ],
  ["bracket member with ~", { given: "$['a~b']", want: ["$['a~b']"] }],
  ["escaped quote in a member name", { given: "$['a~b']['it\\'s']", want: ["$['a~b']['it\\'s']"] }],
  [
    "numeric-looking key needs brackets",
    {
      given: "$.paths['/keys/{hash}'].get.responses['200']",
      want: ["$['paths']['/keys/{hash}']['get']['responses']['200']"],
    },
  ],
  ["missing member selects nothing", { given: "$.nope", want: [] }],
  ["member on an array selects nothing", { given: "$.tags.name", want: [] }],
  ["index", { given: "$.tags[1]", want: ["$['tags'][1]"] }],
  ["negative index counts from the end", { given: "$.tags[-1]", want: ["$['tags'][2]"] }],
  ["index out of range selects nothing", { given: "$.tags[7]", want: [] }],
  ["index on an object selects nothing", { given: "$.paths[0]", want: [] }],
  [
    "wildcard on an object, in document order",
    {
      given: "$.paths.*",
      want: ["$['paths']['/keys/{hash}']", "$['paths']['/chat/completions']"],
    },
  ],
  [
    "bracket wildcard on an array",
    { given: "$.counts[*]", want: ["$['counts'][0]", "$['counts'][1]", "$['counts'][2]"] },
  ],
  ["union keeps selector order", { given: "$.tags[2, 0]", want: ["$['tags'][2]", "$['tags'][0]"] }],
  [
    "descendant member",
    {
      given: "$..operationId",
      want: [
        "$['paths']['/keys/{hash}']['get']['operationId']",
        "$['paths']['/keys/{hash}']['delete']['operationId']",
        "$['paths']['/chat/completions']['post']['operationId']",
      ],
    },
  ],
  [
    "descendant with a bracketed name",
    {
      given: "$..['x-speakeasy-name-override']",
      want: ["$['paths']['/chat/completions']['post']['x-speakeasy-name-override']"],
    },
  ],
  [
    "descendant wildcard then member",
    {
      given: "$.tags..name",
      want: ["$['tags'][0]['name']", "$['tags'][1]['name']", "$['tags'][2]['name']"],
    },
  ],
  ["filter ==", { given: "$.tags[?@.name == 'Keys']", want: ["$['tags'][1]"] }],
  ["filter in parentheses", { given: '$.tags[?(@.name == "Keys")]', want: ["$['tags'][1]"] }],
  ["filter !=", { given: "$.tags[?@.name != 'Keys']", want: ["$['tags'][0]", "$['tags'][2]"] }],
  [
    "filter != also selects nodes without the member (Nothing is not equal to a string)",
    { given: "$.tags[?@.description != 'Chat endpoints']", want: ["$['tags'][1]", "$['tags'][2]"] },
  ],
  ["filter existence", { given: "$.tags[?@.description]", want: ["$['tags'][0]"] }],
  [
    "filter existence of a bracketed member",
    { given: "$.tags[?@['x-hidden']]", want: ["$['tags'][2]"] },
  ],
  [
    "filter negated existence",
    { given: "$.tags[?!@.description]", want: ["$['tags'][1]", "$['tags'][2]"] },
  ],
  [
    "filter &&",
    { given: "$.tags[?@.name != 'Chat' && @['x-hidden'] == true]", want: ["$['tags'][2]"] },
  ],
  [
    "filter ||",
    {
      given: "$.tags[?@.name == 'Chat' || @.name == 'Keys']",
      want: ["$['tags'][0]", "$['tags'][1]"],
    },
  ],
  [
    "filter on object members (selects operations)",
    {
      given: "$.paths['/keys/{hash}'][?@.operationId == 'deleteKey']",
      want: ["$['paths']['/keys/{hash}']['delete']"],
    },
  ],
  [
    "filter compares false, not just absence",
    { given: "$..[?@.deprecated == false]", want: ["$['paths']['/keys/{hash}']['delete']"] },
  ],
  [
    "filter numbers and strings are different",
    { given: "$.counts[?@ == 10]", want: ["$['counts'][1]"] },
  ],
  ["filter ordering of numbers", { given: "$.counts[?@ > 4]", want: ["$['counts'][1]"] }],
  [
    "filter against an absolute query",
    { given: "$.tags[?@.name == $.tags[1].name]", want: ["$['tags'][1]"] },
  ],
  [
    "descendant filter (every operation tagged Keys)",
    {
      given: "$.paths..[?@.tags[0] == 'Keys']",
      want: ["$['paths']['/keys/{hash}']['get']", "$['paths']['/keys/{hash}']['delete']"],
    },
  ],
];

describe("queryJsonPath", () => {
  test.each(cases)("%s", (_, { given, want }) => {
    const got = queryJsonPath(doc, given).map((m) => formatNormalizedPath(m.path));
    expect(got).toEqual(want);
  });

  test("returns the live node with its parent and key, so callers can edit in place", () => {
    const [match] = queryJsonPath(doc, "$.tags[1]");
    expect(match).toEqual({ value: doc.tags[1], parent: doc.tags, key: 1, path: ["tags", 1] });
    expect(match!.value).toBe(doc.tags[1]);
    expect(match!.parent).toBe(doc.tags);
  });

  test("the root match has no parent or key", () => {
    expect(queryJsonPath(doc, "$")).toEqual([
      { value: doc, parent: undefined, key: undefined, path: [] },
    ]);
  });
});

const malformed: Array<[string, { given: string; want: RegExp }]> = [
  ["empty", { given: "", want: /expected "\$"/ }],
  ["no root", { given: "paths.x", want: /expected "\$"/ }],
  ["dash in a dot member", { given: "$.x-speakeasy", want: /unexpected "-"/ }],
  ["digit-first dot member", { given: "$.responses.200", want: /cannot start with "2"/ }],
  ["dangling dot", { given: "$.", want: /path ended/ }],
  ["unclosed bracket", { given: "$['a'", want: /expected "]"/ }],
  ["unterminated string", { given: "$['a]", want: /unterminated string/ }],
  ["bad escape", { given: "$['a\\q']", want: /bad escape/ }],
  ["slice", { given: "$.tags[0:2]", want: /slices are not supported/ }],
  ["leading zero index", { given: "$.tags[01]", want: /expected "]"/ }],
  ["function extension", { given: "$.tags[?length(@.name) > 1]", want: /function extensions/ }],
  ["non-singular comparison", { given: "$.tags[?@.* == 'x']", want: /singular/ }],
  ["unclosed filter parenthesis", { given: "$.tags[?(@.a == 1]", want: /expected "\)"/ }],
  ["literal alone in a filter", { given: "$.tags[?true]", want: /literal on its own/ }],
  ["trailing garbage", { given: "$.a b", want: /unexpected " " at position 3/ }],
  ["trailing space", { given: "$.a ", want: /trailing space/ }],
];

describe("parse errors", () => {
  test.each(malformed)("%s", (_, { given, want }) => {
    expect(() => queryJsonPath(doc, given)).toThrow(JsonPathSyntaxError);
    expect(() => queryJsonPath(doc, given)).toThrow(want);
  });
});

describe("formatNormalizedPath", () => {
  test.each([
    ["root", { given: [], want: "$" }],
    [
      "names and indices",
      { given: ["paths", "/keys/{hash}", "get", 0], want: "$['paths']['/keys/{hash}']['get'][0]" },
    ],
    [
      "escapes quotes, backslashes and control characters",
      { given: ["it's", "a\\b", "\n"], want: "$['it\\'s']['a\\\\b']['\\n']" },
    ],
  ] as Array<[string, { given: Array<string | number>; want: string }]>)(
    "%s",
    (_, { given, want }) => {
      expect(formatNormalizedPath(given)).toBe(want);
    },
  );
});
