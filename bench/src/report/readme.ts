/** Rewrites the part of the repository README between the bench markers. */

export const START = "<!-- bench:start -->";
export const END = "<!-- bench:end -->";
const SECTION = "## Benchmarks";
const BEFORE = "## Working on this repository";

/**
 * `readme` with `block` between the markers. When the markers are missing, a "## Benchmarks"
 * section holding them is added before "## Working on this repository" (or at the end); nothing
 * outside the markers is changed otherwise.
 */
export function spliceReadme(readme: string, block: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  const inner = `${START}\n\n${block.trim()}\n\n${END}`;
  if (start !== -1 && end > start) {
    return readme.slice(0, start) + inner + readme.slice(end + END.length);
  }
  if (start !== -1 || end !== -1) {
    throw new Error(`README.md has only one of ${START} / ${END}: fix it by hand`);
  }
  const section = `${SECTION}\n\n${inner}\n\n`;
  const at = readme.search(new RegExp(`^${BEFORE}$`, "m"));
  if (at === -1) return `${readme.trimEnd()}\n\n${section.trimEnd()}\n`;
  return readme.slice(0, at) + section + readme.slice(at);
}
