// Test settings: tests run the TypeScript sources (the CLI in-process through main(argv, io));
// test/globalSetup.ts gives the run one compile cache in a temp dir and a load-proof compile timeout.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/globalSetup.ts"],
    setupFiles: ["test/propertySeed.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
