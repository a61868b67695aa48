// The built addon exports exactly what src/engine/native.ts declares: NATIVE_EXPORTS is
// held to the NativeAddon interface at compile time (`satisfies`), and here to the real
// build/Release/stridescope.node, so a renamed, removed or undeclared export fails.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
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

  it('an addon named by STRIDESCOPE_ADDON is the only one tried (a sanitized run never falls back to build/Release)', () => {
    const was = process.env.STRIDESCOPE_ADDON
    try {
      process.env.STRIDESCOPE_ADDON = 'native/build-asan/stridescope.node'
      expect(addonCandidates()).toEqual([resolve('native/build-asan/stridescope.node')])
      delete process.env.STRIDESCOPE_ADDON
      expect(addonCandidates().every((p) => p.endsWith(join('build', 'Release', 'stridescope.node')))).toBe(true)
    } finally {
      if (was === undefined) delete process.env.STRIDESCOPE_ADDON
      else process.env.STRIDESCOPE_ADDON = was
    }
  })
})
