// Finds and loads the native addon (build/Release/stridescope.node). Every
// failed attempt is kept, so that the error says where it looked and what to do
// (sharp's loader does the same).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { NATIVE_EXPORTS, type NativeAddon } from './native'

const ADDON = join('build', 'Release', 'stridescope.node')

function here(): string {
  // CJS bundles (electron-vite main) have __dirname; ESM (vitest, tsx) has import.meta.url.
  if (typeof __dirname !== 'undefined') return __dirname
  return dirname(fileURLToPath(import.meta.url))
}

/**
 * Places to look, in order: build/Release above this file and the cwd; or only $STRIDESCOPE_ADDON
 * when it is set (an addon asked for by name, such as `npm run test:asan`'s sanitized one, is
 * never silently replaced by another when it is missing or fails to load).
 */
export function addonCandidates(): string[] {
  if (process.env.STRIDESCOPE_ADDON) return [resolve(process.env.STRIDESCOPE_ADDON)]
  const out: string[] = []
  for (let dir = here(), i = 0; i < 6; i++, dir = dirname(dir)) out.push(join(dir, ADDON))
  out.push(join(process.cwd(), ADDON))
  return [...new Set(out)]
}

let cached: NativeAddon | null = null

export function loadAddon(): NativeAddon {
  if (cached) return cached
  const req = createRequire(typeof __filename !== 'undefined' ? __filename : import.meta.url)
  const errors: string[] = []
  for (const path of addonCandidates()) {
    if (!existsSync(path)) continue
    let loaded: Record<string, unknown>
    try {
      loaded = req(path) as Record<string, unknown>
    } catch (e) {
      errors.push(`  ${path}: ${(e as Error).message}`)
      continue
    }
    // An addon built from older sources lacks functions the TypeScript side calls: say so
    // now rather than fail later as "x is not a function" in the middle of an op.
    const missing = NATIVE_EXPORTS.filter((name) => typeof loaded[name] !== 'function')
    if (missing.length) {
      throw new Error(
        `The Stridescope native engine at ${path} is out of date (missing ${missing.join(', ')}).\n` +
          'Rebuild it with `npm run build:native`.',
      )
    }
    cached = loaded as unknown as NativeAddon
    return cached
  }
  const tried = addonCandidates().map((p) => `  ${p}`).join('\n')
  throw new Error(
    'Could not load the Stridescope native engine.\n' +
      (errors.length ? `Load errors:\n${errors.join('\n')}\n` : `Not found; looked in:\n${tried}\n`) +
      'Build it with `npm run build:native` (needs a C++17 compiler and the Node headers; ' +
      'set STRIDESCOPE_ADDON to use an addon elsewhere).',
  )
}
