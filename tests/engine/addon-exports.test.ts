// The built addon exports exactly what src/engine/native.ts declares: NATIVE_EXPORTS is
// held to the NativeAddon interface at compile time (`satisfies`), and here to the real
// build/Release/stridescope.node, so a renamed, removed or undeclared export fails.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { addonCandidates, loadAddon } from '../../src/engine/load'
import { NATIVE_EXPORTS } from '../../src/engine/native'

describe('native addon exports', () => {
  it('match the NativeAddon interface name for name', () => {
    const path = addonCandidates().find((p) => existsSync(p))
    expect(path, 'build/Release/stridescope.node is missing: run `npm run build:native`').toBeDefined()
    const raw = createRequire(import.meta.url)(path!) as Record<string, unknown>
    expect(Object.keys(raw).sort()).toEqual([...NATIVE_EXPORTS].sort())
    for (const name of NATIVE_EXPORTS) expect(typeof raw[name], name).toBe('function')
  })

  it('loads through loadAddon, which checks the same list', () => {
    expect(() => loadAddon()).not.toThrow()
  })
})
