// Each layer reaches the one below through its front door: outside src/engine only
// its index (the typed API), types.ts and errors.ts; outside src/runner only its
// index and types.ts. So no one casts the raw addon, holds a native handle or calls
// the runner's library internals.
import { relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, importsOf, sourceFiles } from './import-graph'

const DOORS: Record<string, string[]> = {
  'src/engine/': ['src/engine/index.ts', 'src/engine/types.ts', 'src/engine/errors.ts'],
  'src/runner/': ['src/runner/index.ts', 'src/runner/types.ts'],
}

describe('layer boundaries', () => {
  it('nothing outside the engine or the runner imports past its front door', () => {
    const files = sourceFiles('src')
    const past: string[] = []
    for (const f of files) {
      const from = relative(ROOT, f)
      for (const e of importsOf(f)) {
        if (!e.file) continue
        const to = relative(ROOT, e.file)
        for (const [layer, doors] of Object.entries(DOORS)) {
          if (to.startsWith(layer) && !from.startsWith(layer) && !doors.includes(to)) past.push(`${from} -> ${to}`)
        }
      }
    }
    expect(past).toEqual([])
    expect(files.length).toBeGreaterThan(100)
  })

  it('the session reaches the engine through its typed API', () => {
    const appSession = resolve(ROOT, 'src/session/app-session.ts')
    expect(importsOf(appSession).map((e) => e.spec)).toEqual(expect.arrayContaining(['../engine', '../runner']))
  })
})
