// Nothing Node-only reaches the renderer bundle: no file the renderer loads, and no
// file in the folders it may import from, imports a Node built-in or a module that
// needs Node or the engine (the engine addon, the runner, the session, the file
// readers, the profiler's and lessons' node/ halves). Type-only imports vanish from
// the bundle, so they are allowed (the renderer names the engine's plain types).
import { builtinModules } from 'node:module'
import { relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, importsOf, runtimeClosure, sourceFiles } from './import-graph'

const NODE_BUILTINS = new Set(builtinModules)
const isNodeBuiltin = (spec: string): boolean => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0])

/** Project folders whose code needs Node or the engine at run time. */
const NODE_ONLY = ['src/engine/', 'src/runner/', 'src/session/', 'src/server/', 'src/main/', 'src/cli/', 'src/files/', 'src/profiler/node/', 'src/lessons/node/']
// src/engine/types.ts is plain data (no addon): the renderer may import it.
const isNodeOnly = (file: string): boolean => {
  const rel = relative(ROOT, file)
  return rel !== 'src/engine/types.ts' && NODE_ONLY.some((d) => rel.startsWith(d))
}

/** What `file` imports at run time that must not be in the renderer, as `file -> import`. */
function leaks(file: string): string[] {
  return importsOf(file)
    .filter((e) => !e.typeOnly && (isNodeBuiltin(e.spec) || (e.file !== null && isNodeOnly(e.file))))
    .map((e) => `${relative(ROOT, file)} -> ${e.spec}`)
}

/** Folders the renderer may import from: every file in them must be safe to bundle. */
const RENDERER_IMPORTABLE = [
  ...sourceFiles('src/shared'),
  ...sourceFiles('src/profiler').filter((f) => !isNodeOnly(f)),
  ...sourceFiles('src/lessons').filter((f) => !isNodeOnly(f)),
]

describe('what the renderer may import', () => {
  it('the renderer loads nothing Node-only, directly or through another file', () => {
    const loaded = [...runtimeClosure(resolve(ROOT, 'src/renderer/src/main.tsx'))]
    expect(loaded.length).toBeGreaterThan(50) // the walk really followed the imports
    expect(loaded.filter(isNodeOnly).map((f) => relative(ROOT, f))).toEqual([])
    expect(loaded.flatMap(leaks)).toEqual([])
  })

  it('shared, profiler and lessons (outside their node/ folders) import no Node built-in, engine, runner or session', () => {
    expect(RENDERER_IMPORTABLE.length).toBeGreaterThan(10)
    expect(RENDERER_IMPORTABLE.flatMap(leaks)).toEqual([])
  })

  it('the profiler and lessons keep in node/ only what needs Node or the engine', () => {
    const needsNode = (f: string): boolean => [...runtimeClosure(f)].some((g) =>
      importsOf(g).some((e) => !e.typeOnly && (isNodeBuiltin(e.spec) || e.spec.endsWith('/engine'))))
    const nodeHalves = [...sourceFiles('src/profiler/node'), ...sourceFiles('src/lessons/node')]
    expect(nodeHalves.filter((f) => !needsNode(f)).map((f) => relative(ROOT, f))).toEqual([])
  })
})

describe('the shared contract', () => {
  it('its parts (workspace, profiler, lessons, files, attach) never import the contract that spreads them in', () => {
    const parts = sourceFiles('src/shared').filter((f) => f.endsWith('-protocol.ts'))
    expect(parts.length).toBe(5)
    const back = parts.flatMap((f) => importsOf(f).filter((e) => e.file === resolve(ROOT, 'src/shared/protocol.ts')).map(() => relative(ROOT, f)))
    expect(back).toEqual([])
  })
})
