// Test settings: CLI tests spawn the compiler (asc in a worker), so allow them time on 2 cores.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One WASM compile cache for every differential-oracle batch of the run (test/oracle).
    globalSetup: ["test/oracle/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
