/**
 * Parser for the subset of RFC 9535 JSONPath that our overlays need.
 *
 * Supported: root `$`, child segments `.name` / `.*` / `[...]`, descendant segments `..name` /
 * `..*` / `..[...]`, and bracket selectors: quoted names (`['/keys/{hash}']`, `["name"]`), `*`,
 * integer indices (negative counts from the end), comma-separated unions, and filters
 * `[?<expr>]` with `==`, `!=`, `<`, `<=`, `>`, `>=`, existence tests, `!`, `&&`, `||` and
 * parentheses. Not supported (rejected with a `JsonPathSyntaxError`, never silently ignored):
 * array slices and function extensions such as `length()`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9535 (2.3 selectors, 2.5 segments)
 */

/** A literal in a filter comparison (RFC 9535 2.3.5.1 `literal`). */
export type JsonPathLiteral = string | number | boolean | null;

/** One selector inside a segment (RFC 9535 2.3). */
export type JsonPathSelector =
  | { type: "name"; name: string }
  | { type: "wildcard" }
  | { type: "index"; index: number }
  | { type: "filter"; expression: FilterExpression };

/** A child (`.x`, `[...]`) or descendant (`..x`, `..[...]`) segment (RFC 9535 2.5). */
export interface JsonPathSegment {
  kind: "child" | "descendant";
  selectors: JsonPathSelector[];
}

/** A query relative to the filter's current node (`@`) or to the document root (`$`). */
export interface FilterQuery {
  type: "query";
  root: "@" | "$";
  segments: JsonPathSegment[];
}

/** Comparison operators allowed in filters (RFC 9535 2.3.5.1 `comparison-op`). */
export type ComparisonOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";

/** The expression inside `[?…]` (RFC 9535 2.3.5.1 `logical-expr`). */
export type FilterExpression =
  | { type: "or"; operands: FilterExpression[] }
  | { type: "and"; operands: FilterExpression[] }
  | { type: "not"; operand: FilterExpression }
  | { type: "exists"; query: FilterQuery }
  | { type: "compare"; operator: ComparisonOperator; left: Comparable; right: Comparable };

/** Either side of a comparison: a literal or a singular query. */
export type Comparable = { type: "literal"; value: JsonPathLiteral } | FilterQuery;

/** A parsed JSONPath query: `$` followed by segments. */
export interface JsonPathQuery {
  segments: JsonPathSegment[];
}

/**
 * Thrown for a malformed or unsupported JSONPath expression.
 * `position` is the 0-based character offset where parsing stopped.
 */
export class JsonPathSyntaxError extends Error {
  override name = "JsonPathSyntaxError";
  constructor(
    message: string,
    /** The expression that failed to parse. */
    readonly path: string,
    /** 0-based offset into `path` where the problem was found. */
    readonly position: number,
  ) {
    super(`${message} at position ${position} in ${JSON.stringify(path)}`);
  }
}

/**
 * Parses a JSONPath expression into segments.
 *
 * @throws JsonPathSyntaxError when the expression is malformed or uses an unsupported feature.
 * @example parseJsonPath("$.paths['/keys/{hash}'].get")
 */
export function parseJsonPath(path: string): JsonPathQuery {
  const parser = new Parser(path);
  parser.expect("$");
  const segments = parser.segments({ inFilter: false });
  if (!parser.atEnd()) parser.fail(`unexpected ${JSON.stringify(parser.peek())}`);
  return { segments };
}

// RFC 9535 2.5.1.1 `member-name-shorthand`: ALPHA / "_" / non-ASCII first, digits allowed after.
// "-" is never allowed, so keys like `x-speakeasy-name-override` or `200` need brackets.
const NAME_FIRST = /[A-Za-z_\u0080-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_\u0080-\uFFFF]/;
const WHITESPACE = /[ \t\n\r]/;

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  peek(offset = 0): string {
    return this.src.charAt(this.pos + offset);
  }

  fail(message: string, at = this.pos): never {
    throw new JsonPathSyntaxError(message, this.src, at);
  }

  expect(text: string): void {
    if (!this.src.startsWith(text, this.pos)) {
      this.fail(`expected ${JSON.stringify(text)}${this.atEnd() ? " but the path ended" : ""}`);
    }
    this.pos += text.length;
  }

  private skipWhitespace(): void {
    while (WHITESPACE.test(this.peek())) this.pos++;
  }

  /**
   * Reads segments until something that cannot start a segment. Inside a filter, that is where
   * the enclosing expression continues (an operator, `)` or `]`).
   */
  segments(options: { inFilter: boolean }): JsonPathSegment[] {
    const segments: JsonPathSegment[] = [];
    for (;;) {
      const start = this.pos;
      this.skipWhitespace();
      const c = this.peek();
      if (c !== "." && c !== "[") {
        // RFC 9535 allows blank space only *between* segments, so outside a filter trailing
        // space is an error; inside one it belongs to the surrounding expression.
        if (!options.inFilter && this.pos !== start && this.atEnd()) this.fail("trailing space");
        this.pos = start;
        return segments;
      }
      segments.push(this.segment());
    }
  }

  private segment(): JsonPathSegment {
    if (this.peek() === "[") return { kind: "child", selectors: this.bracket() };
    this.expect(".");
    if (this.peek() === ".") {
      this.pos++;
      if (this.peek() === "[") return { kind: "descendant", selectors: this.bracket() };
      return { kind: "descendant", selectors: [this.shorthand()] };
    }
    return { kind: "child", selectors: [this.shorthand()] };
  }

  /** `*` or a member-name-shorthand after `.` / `..`. */
  private shorthand(): JsonPathSelector {
    if (this.peek() === "*") {
      this.pos++;
      return { type: "wildcard" };
    }
    if (!NAME_FIRST.test(this.peek())) {
      this.fail(
        this.atEnd()
          ? "expected a member name but the path ended"
          : `a member name cannot start with ${JSON.stringify(this.peek())}; use ['…'] for names like that`,
      );
    }
    const start = this.pos;
    while (!this.atEnd() && NAME_CHAR.test(this.peek())) this.pos++;
    return { type: "name", name: this.src.slice(start, this.pos) };
  }

  /** `[ selector *(, selector) ]` (RFC 9535 2.5.1.1 `bracketed-selection`). */
  private bracket(): JsonPathSelector[] {
    this.expect("[");
    const selectors: JsonPathSelector[] = [];
    for (;;) {
      this.skipWhitespace();
      selectors.push(this.selector());
      this.skipWhitespace();
      if (this.peek() === ",") {
        this.pos++;
        continue;
      }
      this.expect("]");
      return selectors;
    }
  }

  private selector(): JsonPathSelector {
    const c = this.peek();
    if (c === "'" || c === '"') return { type: "name", name: this.stringLiteral() };
    if (c === "*") {
      this.pos++;
      return { type: "wildcard" };
    }
    if (c === "?") {
      this.pos++;
      this.skipWhitespace();
      return { type: "filter", expression: this.logicalOr() };
    }
    if (c === "-" || /[0-9]/.test(c)) {
      const start = this.pos;
      const index = this.integer();
      this.skipWhitespace();
      if (this.peek() === ":") this.fail("array slices are not supported", start);
      return { type: "index", index };
    }
    if (c === ":") this.fail("array slices are not supported");
    return this.fail(this.atEnd() ? "unclosed [" : `unexpected ${JSON.stringify(c)} in [...]`);
  }

  /** RFC 9535 `int`: "0" or an optional minus and a non-zero digit followed by digits. */
  private integer(): number {
    const match = /^-?(0|[1-9][0-9]*)/.exec(this.src.slice(this.pos));
    if (!match || match[0] === "-0") this.fail("expected an integer");
    this.pos += match[0].length;
    const value = Number(match[0]);
    if (!Number.isSafeInteger(value)) this.fail("index out of range");
    return value;
  }

  /** A single- or double-quoted string with RFC 9535 2.3.1.1 escapes. */
  private stringLiteral(): string {
    const quote = this.peek();
    const start = this.pos;
    this.pos++;
    let out = "";
    for (;;) {
      if (this.atEnd()) this.fail("unterminated string", start);
      const c = this.peek();
      this.pos++;
      if (c === quote) return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.peek();
      this.pos++;
      const simple: Record<string, string> = {
        b: "\b",
        f: "\f",
        n: "\n",
        r: "\r",
        t: "\t",
        "/": "/",
        "\\": "\\",
      };
      if (e in simple) out += simple[e];
      else if (e === quote) out += quote;
      else if (e === "u") {
        const hex = this.src.slice(this.pos, this.pos + 4);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) this.fail("bad \\u escape", this.pos - 2);
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 4;
      } else this.fail(`bad escape \\${e}`, this.pos - 2);
    }
  }

  // ---- filter expressions (RFC 9535 2.3.5.1), lowest precedence first ----

  private logicalOr(): FilterExpression {
    const operands = [this.logicalAnd()];
    while (this.consumeOperator("||")) operands.push(this.logicalAnd());
    return operands.length === 1 ? operands[0]! : { type: "or", operands };
  }

  private logicalAnd(): FilterExpression {
    const operands = [this.basic()];
    while (this.consumeOperator("&&")) operands.push(this.basic());
    return operands.length === 1 ? operands[0]! : { type: "and", operands };
  }

  private consumeOperator(op: string): boolean {
    const start = this.pos;
    this.skipWhitespace();
    if (this.src.startsWith(op, this.pos)) {
      this.pos += op.length;
      this.skipWhitespace();
      return true;
    }
    this.pos = start;
    return false;
  }

  private basic(): FilterExpression {
    if (this.peek() === "!") {
      this.pos++;
      this.skipWhitespace();
      return { type: "not", operand: this.basic() };
    }
    if (this.peek() === "(") {
      this.pos++;
      this.skipWhitespace();
      const inner = this.logicalOr();
      this.skipWhitespace();
      this.expect(")");
      return inner;
    }
    const left = this.comparable();
    const operator = this.comparisonOperator();
    if (!operator) {
      if (left.type !== "query") this.fail("a literal on its own is not a test; compare it");
      return { type: "exists", query: left };
    }
    const right = this.comparable();
    for (const side of [left, right]) {
      if (side.type === "query" && !isSingular(side)) {
        this.fail("only singular queries (names and indices) can be compared");
      }
    }
    return { type: "compare", operator, left, right };
  }

  private comparisonOperator(): ComparisonOperator | undefined {
    const start = this.pos;
    this.skipWhitespace();
    for (const op of ["==", "!=", "<=", ">=", "<", ">"] as const) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        this.skipWhitespace();
        return op;
      }
    }
    this.pos = start;
    return undefined;
  }

  private comparable(): Comparable {
    const c = this.peek();
    if (c === "@" || c === "$") {
      this.pos++;
      return { type: "query", root: c, segments: this.segments({ inFilter: true }) };
    }
    if (c === "'" || c === '"') return { type: "literal", value: this.stringLiteral() };
    const rest = this.src.slice(this.pos);
    const number = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(rest);
    if (number && number[0] !== "-") {
      this.pos += number[0].length;
      return { type: "literal", value: Number(number[0]) };
    }
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (rest.startsWith(word) && !NAME_CHAR.test(rest.charAt(word.length))) {
        this.pos += word.length;
        return { type: "literal", value };
      }
    }
    if (/^[a-z_][a-z0-9_]*\(/.test(rest)) this.fail("function extensions are not supported");
    return this.fail(
      this.atEnd() ? "unterminated filter" : `unexpected ${JSON.stringify(c)} in filter`,
    );
  }
}

/** RFC 9535 2.3.5.1: a singular query has only name and index child segments. */
function isSingular(query: FilterQuery): boolean {
  return query.segments.every(
    (s) =>
      s.kind === "child" &&
      s.selectors.length === 1 &&
      (s.selectors[0]!.type === "name" || s.selectors[0]!.type === "index"),
  );
}
