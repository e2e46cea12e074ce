#!/usr/bin/env node
/* eslint-disable no-console -- the CLI is the one regen module that prints. */
import { InputError, SpecError } from "../errors.js";
import { parseRegenArgs, USAGE } from "./options.js";
import { regen } from "./regen.js";

async function main(argv: string[]): Promise<number> {
  // pnpm runs this inside generator/; paths on the command line are meant from where pnpm started.
  const options = parseRegenArgs(argv, process.env.INIT_CWD ?? process.cwd());
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  const result = await regen({ ...options, log: (line) => console.log(line) });
  if (result.status === "unchanged") {
    console.log(`spec unchanged (sha256 ${result.sha256.slice(0, 12)}): nothing to do`);
    return 0;
  }
  for (const p of result.packages)
    console.log(`  ${p.bump.padEnd(5)} ${p.name}${p.status === "changed" ? "" : ` (${p.status})`}`);
  if (result.changesetPath) console.log(`changeset: ${result.changesetPath}`);
  console.log(`report: ${result.reportPath}`);
  console.log(`regenerated in ${(result.totalMs / 1000).toFixed(1)} s`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SpecError || error instanceof InputError) {
      console.error(`error: ${error.message}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? `error: ${error.message}` : error);
    process.exit(1);
  },
);
