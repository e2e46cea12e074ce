import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveContext } from "../../src/context.js";
import { runPipeline } from "../../src/pipeline.js";
import { sha256 } from "../../src/stages/load.js";
import { run } from "../../src/regen/build.js";
import { parseRegenArgs } from "../../src/regen/options.js";
import { regen, type RegenDone } from "../../src/regen/regen.js";
import { HISTORY_DIR, REPO_ROOT } from "../helpers.js";

/** The history spec of `date` (files are named `YYYY-MM-DD-<commit>.yaml`). */
function history(date: string): string {
  const file = readdirSync(HISTORY_DIR).find((f) => f.startsWith(date) && f.endsWith(".yaml"));
  if (!file) throw new Error(`no history spec for ${date} in ${HISTORY_DIR}`);
  return path.join(HISTORY_DIR, file);
}

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * A throwaway repository: the real `spec/` (naming table, overlays) with the lock pinned to
 * `oldSpec` by absolute path, and `packages/` generated from it, as a repo on that spec would be.
 * Nothing here touches the real repository.
 */
async function scratchRepo(
  oldSpec: string,
  options: { generate?: boolean; sourceUrl?: string } = {},
): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "orkit-regen-test-"));
  scratch.push(root);
  await cp(path.join(REPO_ROOT, "spec"), path.join(root, "spec"), { recursive: true });
  const text = await readFile(oldSpec, "utf8");
  const lock = {
    sourceUrl: options.sourceUrl ?? "http://127.0.0.1:9/openapi.json",
    sha256: sha256(text),
    date: /(\d{4}-\d{2}-\d{2})/.exec(path.basename(oldSpec))![1],
    defaultPath: oldSpec,
  };
  await writeFile(path.join(root, "spec", "spec.lock.json"), JSON.stringify(lock, null, 2) + "\n");
  if (options.generate !== false)
    await runPipeline(resolveContext({ spec: oldSpec, repoRoot: root, env: {} }));
  return root;
}

/** Every file under `root` with a hash of its content, to prove a run changed nothing. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const visit = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) await visit(abs);
      else
        out[path.relative(root, abs)] = createHash("sha256")
          .update(await readFile(abs))
          .digest("hex");
    }
  };
  await visit(root);
  return out;
}

/** The changeset's frontmatter as `{ package: bump }`. */
function frontmatter(changeset: string): Record<string, string> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(changeset)![1]!;
  return Object.fromEntries(
    block.split("\n").map((line) => {
      const m = /^"([^"]+)": (major|minor|patch)$/.exec(line);
      if (!m) throw new Error(`bad frontmatter line: ${line}`);
      return [m[1]!, m[2]!];
    }),
  );
}

/** Runs a regeneration for old → new and checks what every run must satisfy, then idempotency. */
async function regenPair(
  oldDate: string,
  newDate: string,
): Promise<{ root: string; result: RegenDone; ms: number }> {
  const root = await scratchRepo(history(oldDate));
  const newSpec = history(newDate);
  const started = performance.now();
  const result = await regen({ spec: newSpec, repoRoot: root, skipBuild: true, env: {} });
  const ms = performance.now() - started;
  expect(result.status).toBe("regenerated");
  const done = result as RegenDone;

  // The lock now pins the new spec.
  const lock = JSON.parse(await readFile(path.join(root, "spec", "spec.lock.json"), "utf8"));
  expect(lock.sha256).toBe(sha256(await readFile(newSpec, "utf8")));
  expect(lock.date).toBe(newDate);

  // One changeset, named by the new spec, its file content as returned.
  const changesets = (await readdir(path.join(root, ".changeset"))).filter((f) =>
    f.endsWith(".md"),
  );
  expect(changesets).toEqual([`regen-${lock.sha256.slice(0, 12)}.md`]);
  const changeset = await readFile(path.join(root, ".changeset", changesets[0]!), "utf8");
  expect(changeset).toBe(done.changeset);
  const bumps = frontmatter(changeset);
  // Every listed package exists in the workspace (changesets would refuse an unknown package).
  for (const name of Object.keys(bumps)) {
    const dir = name === "@orkit/openrouter" ? "openrouter" : name.replace("@orkit/", "");
    expect(existsSync(path.join(root, "packages", dir, "package.json")), name).toBe(true);
  }
  const rank = { patch: 0, minor: 1, major: 2 } as const;
  const max = done.packages.reduce((m, p) => Math.max(m, rank[p.bump]), 0);
  expect(rank[bumps["@orkit/openrouter"] as keyof typeof rank]).toBe(max);

  // The report went to the default place and has the header.
  expect(done.reportPath).toBe(path.join(root, "regen-report.md"));
  const report = await readFile(done.reportPath, "utf8");
  expect(report).toContain(`# OpenRouter spec update: ${oldDate} → ${newDate}`);
  expect(report).toContain(lock.sha256.slice(0, 12));
  expect(report).toContain("### Timings");

  // Idempotent: the same spec again is "unchanged" and writes nothing.
  const before = await snapshot(root);
  const again = await regen({ spec: newSpec, repoRoot: root, skipBuild: true, env: {} });
  expect(again.status).toBe("unchanged");
  expect(await snapshot(root)).toEqual(before);
  return { root, result: done, ms };
}

describe("regen", () => {
  it("walks every history version to the next, as the bot would, with bumps that follow the diff", async () => {
    const versions = readdirSync(HISTORY_DIR)
      .filter((f) => f.endsWith(".yaml"))
      .sort();
    const root = await scratchRepo(path.join(HISTORY_DIR, versions[0]!));
    const rank = { patch: 0, minor: 1, major: 2 } as const;
    for (const next of versions.slice(1)) {
      const spec = path.join(HISTORY_DIR, next);
      const result = await regen({ spec, repoRoot: root, skipBuild: true, env: {} });
      // the newest history file equals the previous one's successor; a byte-identical repeat is "unchanged"
      if (result.status === "unchanged") continue;
      expect(result.status, next).toBe("regenerated");
      const done = result as RegenDone;
      if (done.changeset === undefined) {
        // no changeset only when no package needs a release
        expect(done.packages, next).toEqual([]);
        continue;
      }
      const bumps = frontmatter(done.changeset);
      // every package the diff bumps (and still has a package) appears with exactly that bump
      for (const p of done.packages) {
        const dir = p.name.replace("@orkit/", "");
        if (!existsSync(path.join(root, "packages", dir, "package.json"))) continue;
        expect(bumps[p.name], `${next}: ${p.name}`).toBe(p.bump);
      }
      const max = done.packages.reduce((m, p) => Math.max(m, rank[p.bump]), 0);
      expect(rank[bumps["@orkit/openrouter"] as keyof typeof rank], next).toBe(max);
      const lock = JSON.parse(await readFile(path.join(root, "spec", "spec.lock.json"), "utf8"));
      expect(lock.sha256, next).toBe(sha256(await readFile(spec, "utf8")));
    }
  });

  it("2026-08-11 → 2026-08-22: datasets minor, chat major, umbrella major (and timed)", async () => {
    const { result, ms } = await regenPair("2026-08-11", "2026-08-22");
    const bumps = frontmatter(result.changeset!);
    expect(bumps["@orkit/openrouter-analytics"]).toBeDefined();
    expect(bumps["@orkit/openrouter-datasets"]).toBe("minor");
    expect(bumps["@orkit/openrouter-chat"]).toBe("major");
    expect(bumps["@orkit/openrouter"]).toBe("major");
    expect(result.report).toContain("GET /datasets/session-cost");
    console.log(
      `regen wall time 2026-08-11 → 2026-08-22 (--skip-build): ${(ms / 1000).toFixed(1)} s`,
    );
    console.log(result.timings.map((t) => `${t.step} ${(t.ms / 1000).toFixed(1)}s`).join(" · "));
  }, 300_000);

  it("2026-07-21 → 2026-07-28", async () => {
    const { result } = await regenPair("2026-07-21", "2026-07-28");
    expect(result.packages.length).toBeGreaterThan(0);
    const bumps = frontmatter(result.changeset!);
    for (const p of result.packages.filter((p) => p.inWorkspace))
      expect(bumps[p.name]).toBe(p.bump);
  }, 300_000);

  it("2025-11-18 → 2026-04-13: a new tag becomes a package, removed tags are reported", async () => {
    const oldRoot = await scratchRepo(history("2025-11-18"));
    const existedBefore = new Set(await readdir(path.join(oldRoot, "packages")));
    await rm(oldRoot, { recursive: true, force: true });

    const { root, result } = await regenPair("2025-11-18", "2026-04-13");
    const added = result.packages.filter((p) => p.status === "added");
    expect(added.length).toBeGreaterThan(0);
    const bumps = frontmatter(result.changeset!);
    for (const p of added) {
      const dir = p.name.replace("@orkit/", "");
      expect(existedBefore.has(dir), dir).toBe(false);
      const manifest = JSON.parse(
        await readFile(path.join(root, "packages", dir, "package.json"), "utf8"),
      );
      expect(manifest.name).toBe(p.name);
      expect(bumps[p.name]).toBe("minor");
      // The umbrella depends on the new package (the generator updates its package.json).
      const umbrella = JSON.parse(
        await readFile(path.join(root, "packages", "openrouter", "package.json"), "utf8"),
      );
      expect(umbrella.dependencies[p.name]).toBeDefined();
    }
    expect(result.diff.removedTags.length).toBeGreaterThan(0);
    expect(result.report).toContain("### Removed tags");
    for (const tag of result.diff.removedTags) expect(result.report).toContain(`\`${tag}\``);
    for (const p of result.packages.filter((p) => p.status === "removed")) {
      expect(p.inWorkspace).toBe(false);
      expect(bumps[p.name]).toBeUndefined();
      expect(result.changeset).toContain(`\`${p.name}\` is no longer generated`);
    }
    expect(bumps["@orkit/openrouter"]).toBe("major");
  }, 300_000);

  it("without --spec it downloads the lock's sourceUrl, and fails clearly when it cannot", async () => {
    const root = await scratchRepo(history("2025-09-08"), { generate: false });
    const before = await snapshot(root);
    await expect(regen({ repoRoot: root, skipBuild: true, env: {} })).rejects.toThrow(
      /cannot download http:\/\/127\.0\.0\.1:9\/openapi\.json/,
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it("says clearly when the old spec is missing", async () => {
    const root = await scratchRepo(history("2025-09-08"), { generate: false });
    const missing = path.join(root, "nowhere.yaml");
    await expect(
      regen({
        spec: history("2025-10-07"),
        repoRoot: root,
        skipBuild: true,
        env: { ORKIT_SPEC: missing },
      }),
    ).rejects.toThrow(/the old spec is missing: .*nowhere\.yaml \(from ORKIT_SPEC\)/);
  });

  it("refuses an old spec that is not the pinned one (it would choose wrong bumps), writing nothing", async () => {
    const root = await scratchRepo(history("2025-09-08"), { generate: false });
    const before = await snapshot(root);
    await expect(
      regen({
        spec: history("2025-11-18"),
        repoRoot: root,
        skipBuild: true,
        env: { ORKIT_SPEC: history("2025-10-07") },
      }),
    ).rejects.toThrow(/has sha256 e639586664fb, but spec\/spec\.lock\.json pins 29158b969407/);
    expect(await snapshot(root)).toEqual(before);
  });

  it("unchanged spec: reports it and writes nothing", async () => {
    const root = await scratchRepo(history("2025-09-08"), { generate: false });
    const before = await snapshot(root);
    expect(
      await regen({ spec: history("2025-09-08"), repoRoot: root, skipBuild: true, env: {} }),
    ).toEqual({
      status: "unchanged",
      sha256: sha256(await readFile(history("2025-09-08"), "utf8")),
    });
    expect(await snapshot(root)).toEqual(before);
  });
});

describe("parseRegenArgs", () => {
  it("resolves paths from the starting directory and drops a forwarded `--`", () => {
    expect(
      parseRegenArgs(["--", "--spec", "s.yaml", "--skip-build", "--report", "r.md"], "/w"),
    ).toEqual({
      spec: "/w/s.yaml",
      repoRoot: undefined,
      report: "/w/r.md",
      skipBuild: true,
      saveSpec: undefined,
    });
  });
  it("rejects --spec together with --download, and unknown flags", () => {
    expect(() => parseRegenArgs(["--spec", "a", "--download"], "/w")).toThrow(
      /either --spec FILE or --download/,
    );
    expect(() => parseRegenArgs(["--nope"], "/w")).toThrow(/Unknown option/);
  });
});

describe("build step", () => {
  it("fails with the command line and exit code when a command fails", async () => {
    await expect(
      run(process.execPath, ["-e", "process.exit(3)"], tmpdir(), process.env),
    ).rejects.toThrow(/exit code 3/);
    await expect(run(process.execPath, ["-e", ""], tmpdir(), process.env)).resolves.toBeUndefined();
  });
});
