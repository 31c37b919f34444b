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
    // expect.poll waits for the browser's next state: 1 s (the default) is too short on a loaded
    // 2-core machine, where a page's fetch and repaint can take several seconds
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
  },
})
