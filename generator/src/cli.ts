#!/usr/bin/env node
/* eslint-disable no-console -- the CLI is the one module that prints. */
import { parseArgs } from "node:util";
import { resolveContext } from "./context.js";
import { InputError, SpecError } from "./errors.js";
import { runPipeline } from "./pipeline.js";

const USAGE = `Usage: pnpm generate [--check] [--spec FILE] [--out DIR] [--download]

  (no flags)      regenerate the packages in place from the pinned spec
  --check         write nothing; fail listing the files that differ
  --spec FILE     use another spec file (JSON or YAML); updates spec/spec.lock.json
  --out DIR       write the generated packages into DIR with a tsconfig.json (npx tsc -p DIR)
  --download      fetch the spec from the lock's source URL
Env: ORKIT_SPEC=FILE is the same as --spec FILE.`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      check: { type: "boolean", default: false },
      spec: { type: "string" },
      out: { type: "string" },
      download: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const ctx = resolveContext({
    spec: values.spec,
    out: values.out,
    check: values.check,
    download: values.download,
  });
  const started = performance.now();
  const result = await runPipeline(ctx);
  const total = performance.now() - started;

  const ops = result.api.resources.reduce((n, r) => n + r.operations.length, 0);
  console.log(
    `spec ${result.specHash.slice(0, 12)}: ${ops} operations in ${result.api.resources.length} packages (${result.overlayChanges} overlay actions applied)`,
  );
  for (const w of result.warnings) console.warn(`warning: ${w.message} (at ${w.pointer})`);
  for (const u of result.unmatchedOverlays)
    console.warn(`warning: overlay target matched nothing: ${u}`);
  for (const i of result.inapplicableOverlays)
    console.warn(`warning: overlay left out, it does not fit this spec: ${i}`);
  console.log(
    result.timings.map((t) => `${t.stage} ${t.ms.toFixed(0)}ms`).join(" · ") +
      ` · total ${total.toFixed(0)}ms`,
  );

  const { changed, stale, unchanged } = result.write;
  if (ctx.check) {
    if (changed.length === 0 && stale.length === 0) {
      console.log(`generated code is up to date (${unchanged} files)`);
      return 0;
    }
    console.error(
      "generated code differs from the spec and the generator. Run `pnpm generate` and commit:",
    );
    for (const f of changed) console.error(`  changed: ${f}`);
    for (const f of stale) console.error(`  stale:   ${f}`);
    return 1;
  }
  console.log(
    `${changed.length} files written, ${stale.length} stale files removed, ${unchanged} unchanged → ${ctx.outDir}`,
  );
  if (result.write.lockChanged) console.log("spec/spec.lock.json updated to the new spec hash");
  return 0;
}

// `pnpm run generate -- --check` forwards a literal `--`: drop it rather than treat flags as positionals.
main(process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--"))).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SpecError || error instanceof InputError) {
      console.error(`error: ${error.message}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
