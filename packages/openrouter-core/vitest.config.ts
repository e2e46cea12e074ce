import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Loopback-server tests are quick, but a loaded 2-core CI box needs some headroom.
    testTimeout: 20_000,
  },
});
