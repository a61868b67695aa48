import { defineConfig } from 'vitest/config'

// Unit, binding and oracle tests. Tests mirror the source tree under tests/.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    pool: 'forks'
  }
})
