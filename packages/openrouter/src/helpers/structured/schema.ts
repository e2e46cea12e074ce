import { OpenRouterError } from "@orkit/openrouter-core";

/**
 * A JSON Schema object, as sent in `response_format.json_schema.schema` and tool `parameters`.
 * Not validated locally: it is handed to the API as is.
 *
 * @example
 * ```ts
 * const schema: JsonSchemaObject = { type: "object", properties: { answer: { type: "number" } }, required: ["answer"] };
 * ```
 */
export type JsonSchemaObject = Record<string, unknown>;

/**
 * One validation problem reported by a Standard Schema (`~standard.validate`).
 *
 * @example
 * ```ts
 * const issue: StandardSchemaIssue = { message: "Expected number", path: ["celsius"] };
 * ```
 */
export interface StandardSchemaIssue {
  /** The error message of the issue. */
  readonly message: string;
  /** Where in the value the issue is, if known. */
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/**
 * The result of `~standard.validate`: the typed value, or the issues.
 *
 * @example
 * ```ts
 * const result: StandardSchemaResult<number> = await schema["~standard"].validate(value);
 * if (result.issues) console.log(result.issues);
 * ```
 */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardSchemaIssue> };

/**
 * The [Standard Schema](https://standardschema.dev) v1 interface (zod ≥ 3.24, valibot ≥ 1, arktype,
 * effect schema, …), declared here so no schema library is a dependency. The optional `jsonSchema`
 * converter is the [Standard JSON Schema](https://standardschema.dev) extension (zod ≥ 4.2).
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * const schema: StandardSchemaV1<unknown, { city: string }> = z.object({ city: z.string() });
 * ```
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
      options?: { readonly libraryOptions?: Record<string, unknown> | undefined } | undefined,
    ) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
    readonly jsonSchema?: StandardJsonSchemaConverter | undefined;
  };
}

/**
 * The Standard JSON Schema converter (`schema["~standard"].jsonSchema`).
 *
 * @example
 * ```ts
 * const json = z.object({ a: z.string() })["~standard"].jsonSchema.output({ target: "draft-2020-12" });
 * ```
 */
export interface StandardJsonSchemaConverter {
  readonly input: (options: {
    readonly target: string;
    readonly libraryOptions?: Record<string, unknown>;
  }) => Record<string, unknown>;
  readonly output: (options: {
    readonly target: string;
    readonly libraryOptions?: Record<string, unknown>;
  }) => Record<string, unknown>;
}

/**
 * What the schema-taking helpers accept: a Standard Schema (validated locally, converted to JSON
 * Schema when it can convert itself) or a plain JSON Schema object (sent as is, not validated).
 *
 * @example
 * ```ts
 * const a: SchemaLike = z.object({ city: z.string() });
 * const b: SchemaLike = { type: "object", properties: { city: { type: "string" } } };
 * ```
 */
export type SchemaLike = StandardSchemaV1 | JsonSchemaObject;

/**
 * The type a schema validates to: the Standard Schema's output type, `unknown` for a plain JSON
 * Schema.
 *
 * @example
 * ```ts
 * const Weather = z.object({ city: z.string(), celsius: z.number() });
 * type Weather = InferSchemaOutput<typeof Weather>; // { city: string; celsius: number }
 * ```
 */
export type InferSchemaOutput<S> = S extends { readonly "~standard": { readonly types?: infer T } }
  ? NonNullable<T> extends { readonly output: infer O }
    ? O
    : unknown
  : unknown;

/**
 * True for a Standard Schema (an object or function with a `~standard.validate` function).
 *
 * @example
 * ```ts
 * isStandardSchema(z.string()); // true
 * isStandardSchema({ type: "string" }); // false
 * ```
 */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  const std = (value as { "~standard"?: unknown })["~standard"];
  return (
    typeof std === "object" &&
    std !== null &&
    typeof (std as { validate?: unknown }).validate === "function"
  );
}

/**
 * The JSON Schema for a schema: a plain JSON Schema is returned as is (minus `$schema`); a Standard
 * Schema is converted with its Standard JSON Schema converter (`~standard.jsonSchema`, zod ≥ 4.2),
 * else its own `toJSONSchema()` method. `io` picks the converter's input or output side: use
 * `"output"` for strict structured outputs (zod then closes objects with `additionalProperties:
 * false` and lists every non-optional key in `required`), `"input"` for tool parameters.
 * Throws `OpenRouterError` when a Standard Schema cannot convert itself: pass the JSON Schema
 * explicitly then.
 *
 * @example
 * ```ts
 * toJsonSchema(z.object({ city: z.string() }), "output");
 * // { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false }
 * ```
 */
export function toJsonSchema(schema: SchemaLike, io: "input" | "output"): JsonSchemaObject {
  let json: unknown = schema;
  if (isStandardSchema(schema)) {
    const std = schema["~standard"];
    const self = schema as { toJSONSchema?: unknown };
    if (std.jsonSchema && typeof std.jsonSchema[io] === "function") {
      json = std.jsonSchema[io]({ target: "draft-2020-12" });
    } else if (typeof self.toJSONSchema === "function") {
      json = (self.toJSONSchema as () => unknown).call(schema);
    } else {
      throw new OpenRouterError(
        `A ${std.vendor} schema cannot convert itself to JSON Schema; pass the JSON Schema explicitly (\`jsonSchema\`).`,
      );
    }
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new OpenRouterError("A JSON Schema must be an object.");
  }
  const { $schema: _dialect, ...rest } = json as JsonSchemaObject;
  return rest;
}

/**
 * Runs a Standard Schema's `validate` (awaiting async validators).
 *
 * @example
 * ```ts
 * const result = await validateWithSchema(z.number(), "3");
 * if (!result.ok) console.log(result.issues[0]?.message);
 * ```
 */
export async function validateWithSchema<T>(
  schema: StandardSchemaV1<unknown, T>,
  value: unknown,
): Promise<{ ok: true; value: T } | { ok: false; issues: ReadonlyArray<StandardSchemaIssue> }> {
  const result = await schema["~standard"].validate(value);
  if (result.issues) return { ok: false, issues: result.issues };
  return { ok: true, value: result.value };
}

/**
 * One line per issue, `path: message`, for error messages and tool error strings.
 *
 * @example
 * ```ts
 * formatIssues([{ message: "Expected number", path: ["celsius"] }]); // "celsius: Expected number"
 * ```
 */
export function formatIssues(issues: ReadonlyArray<StandardSchemaIssue>): string {
  return issues
    .map((issue) => {
      const path = (issue.path ?? [])
        .map((seg) => String(typeof seg === "object" && seg !== null ? seg.key : seg))
        .join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
