import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // rebuilds dist/ when the sources changed: tests that spawn bin/ringwatch run the built CLI
    globalSetup: ['test/global-setup.ts'],
    // test/queries: the fixtures' SQL (`fixture/<name>`), kept out of the product's queries/
    setupFiles: ['test/setup-queries.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
