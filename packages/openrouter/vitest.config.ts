import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The contract suite starts Prism once (tens of seconds on a loaded box); the rest is loopback.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
