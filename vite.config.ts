import { defaultServerConditions, type Plugin } from 'vite'
import solid from 'vite-plugin-solid'
import { defineConfig } from 'vitest/config'

const serverPort = Number(process.env.PORT ?? 8787)

/**
 * vite-plugin-solid adds the `browser` resolve condition to every non-SSR environment in test
 * mode, including the `ssr` environment Vitest runs all tests in. For the Node-side projects
 * (`environment: 'node'`) that makes `ws` resolve to its browser stub ("WebSocketServer is not
 * a constructor"). This gives those projects Node's conditions back; the happy-dom client
 * project keeps `browser` (Solid's reactive build). The project is only known in `config`, so
 * it marks its own environment there and the mark is acted on after Solid's hook ran.
 */
const NODE_TEST_MARK = 'refresh-board-node-test'
const nodeTestsResolveForNode: Plugin = {
  name: 'refresh-board:node-tests-resolve-for-node',
  enforce: 'post',
  config(config) {
    if (!process.env.VITEST || config.test?.environment !== 'node') return
    return { environments: { ssr: { resolve: { conditions: [NODE_TEST_MARK, ...defaultServerConditions] } } } }
  },
  configEnvironment(_name, config) {
    const conditions = config.resolve?.conditions
    if (!conditions?.includes(NODE_TEST_MARK)) return
    config.resolve = {
      ...config.resolve,
      conditions: conditions.filter((condition) => condition !== 'browser' && condition !== NODE_TEST_MARK),
    }
  },
}

export default defineConfig({
  plugins: [solid(), nodeTestsResolveForNode],
  root: 'client',
  publicDir: 'public',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // the timings note is for plugin authors; it only alarms people running npm start
    rolldownOptions: { checks: { bundlerTimings: false } },
    target: 'es2022',
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/healthz': `http://127.0.0.1:${serverPort}`,
      '/sync': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          include: ['client/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/scale/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/build-client.ts'],
          // one browser at a time on a 2-core machine
          fileParallelism: false,
        },
      },
    ],
  },
})
