import { describe, expect, it } from "vitest";
import {
  diffSpecs,
  renderDiffReport,
  type ApiChange,
  type ApiDiff,
  type RenderDiffReportOptions,
} from "../../src/diff/index.js";
import { chatSpec, obj, op, spec } from "./spec-builders.js";

const packageName = (tag: string) =>
  `@orkit/openrouter-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
const str = { type: "string" };
const chatOperation = (parts: Parameters<typeof chatSpec>[0]) =>
  (chatSpec(parts) as { paths: Record<string, { post: object }> }).paths["/chat/completions"]!.post;

// Chat breaks (field removed, field now required), API Keys is emptied, Credits is new.
const mixedDiff = diffSpecs(
  spec({
    "/chat/completions": { post: chatOperation({ request: obj({ model: str, stream: str }) }) },
    "/keys": { get: op("API Keys", "listKeys") },
  }),
  spec({
    "/chat/completions": {
      post: chatOperation({
        request: obj({ model: str, provider: obj({}) }, ["model"]),
        op: { summary: "Create a chat completion" },
      }),
    },
    "/credits": { get: op("Credits", "getCredits") },
  }),
);

const change = (i: number): ApiChange => ({
  kind: "response-field-added",
  bump: "minor",
  tag: "Models",
  operation: "GET /models (getModels)",
  location: `responses.200.application/json.f${i}`,
  message: `response field \`f${i}\` was added`,
});
const manyChanges: ApiDiff = {
  changes: [change(1), change(2), change(3)],
  packages: [{ tag: "Models", bump: "minor", changes: [change(1), change(2), change(3)] }],
  addedTags: [],
  removedTags: [],
};
const noChanges: ApiDiff = { changes: [], packages: [], addedTags: [], removedTags: [] };

const CASES: Array<
  [string, { given: ApiDiff; options?: Partial<RenderDiffReportOptions>; want: string }]
> = [
  ["no changes", { given: noChanges, want: "## API changes\n\nNo API changes.\n" }],
  [
    "no changes, new label only",
    {
      given: noChanges,
      options: { newLabel: "2026-08-22" },
      want: "## API changes in 2026-08-22\n\nNo API changes.\n",
    },
  ],
  [
    "summary table, new and emptied packages, bullets per operation with breaking changes first",
    {
      given: mixedDiff,
      options: { oldLabel: "2026-08-11", newLabel: "2026-08-22" },
      want: `## API changes: 2026-08-11 → 2026-08-22

| Package | Bump | Changes |
| --- | --- | ---: |
| \`@orkit/openrouter-api-keys\` | major | 2 |
| \`@orkit/openrouter-chat\` | major | 4 |
| \`@orkit/openrouter-credits\` | minor | 2 |

New packages: \`@orkit/openrouter-credits\`.

Packages with no operations left: \`@orkit/openrouter-api-keys\`.

### \`@orkit/openrouter-api-keys\`: major

- Package
  - **major**: tag \`API Keys\` has no operations left
- \`GET /keys (listKeys)\`
  - **major**: operation \`GET /keys\` was removed

### \`@orkit/openrouter-chat\`: major

- \`POST /chat/completions (sendChat)\`
  - **major**: request field \`model\` is now required
  - **major**: request field \`stream\` was removed
  - minor: request field \`provider\` was added (optional)
  - patch: operation summary changed

### \`@orkit/openrouter-credits\`: minor

- Package
  - minor: tag \`Credits\` is new, so its package is new
- \`GET /credits (getCredits)\`
  - minor: operation \`GET /credits\` was added
`,
    },
  ],
  [
    "long lists are cut at maxChangesPerPackage and counted",
    {
      given: manyChanges,
      options: { maxChangesPerPackage: 2 },
      want: `## API changes

| Package | Bump | Changes |
| --- | --- | ---: |
| \`@orkit/openrouter-models\` | minor | 3 |

### \`@orkit/openrouter-models\`: minor

- \`GET /models (getModels)\`
  - minor: response field \`f1\` was added
  - minor: response field \`f2\` was added
- …and 1 more change not listed (3 minor in total).
`,
    },
  ],
];

describe("renderDiffReport", () => {
  it.each(CASES)("%s", (_name, { given, options, want }) => {
    expect(renderDiffReport(given, { packageName, ...options })).toBe(want);
  });

  it("names packages only through the packageName option", () => {
    const report = renderDiffReport(mixedDiff, { packageName: (tag) => `pkg:${tag}` });
    expect(report).toContain("| `pkg:Chat` | major | 4 |");
    expect(report).not.toContain("@orkit");
  });
});
