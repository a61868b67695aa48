// The project's own import graph, read from the import statements: which modules each source file imports, value imports apart from type-only ones
// (those vanish from the bundle and cannot form a runtime cycle).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')

export interface ImportEdge {
  /** The specifier as written ('node:fs', '../engine', 'react'). */
  spec: string
  /** The resolved project file, or null for a package or a Node built-in. */
  file: string | null
  typeOnly: boolean
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f)
      if (statSync(p).isDirectory()) walk(p)
      else if (/\.tsx?$/.test(f) && !f.endsWith('.d.ts')) out.push(p)
    }
  }
  walk(resolve(ROOT, dir))
  return out
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(from), spec)
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(c) && statSync(c).isFile()) return c
  }
  return null
}

const cache = new Map<string, ImportEdge[]>()

// Static imports and re-exports: `import x, { y } from 'm'`, `import type ...`,
// `import 'm'`, `export { a, type b } from 'm'`, `export * from 'm'`.
const STATIC = /^\s*(import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]/gm
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

/** True when every binding a clause names is marked `type` (`{ type A, type B }`). */
function allBindingsTypeOnly(clause: string): boolean {
  const named = clause.match(/^\{([^}]*)\}$/)
  if (!named) return false
  const names = named[1].split(',').map((n) => n.trim()).filter(Boolean)
  return names.length > 0 && names.every((n) => n.startsWith('type '))
}

export function importsOf(file: string): ImportEdge[] {
  const hit = cache.get(file)
  if (hit) return hit
  // Comments out first, so that an import in a comment counts for nothing.
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  const edges: ImportEdge[] = []
  for (const m of text.matchAll(STATIC)) {
    const clause = (m[3] ?? '').trim()
    const typeOnly = !!m[2] || allBindingsTypeOnly(clause)
    edges.push({ spec: m[4], file: resolveLocal(file, m[4]), typeOnly })
  }
  for (const m of text.matchAll(DYNAMIC)) edges.push({ spec: m[1], file: resolveLocal(file, m[1]), typeOnly: false })
  cache.set(file, edges)
  return edges
}

/** Import cycles (strongly connected components of more than one file) among `files`. */
export function importCycles(files: string[], opts: { includeTypes: boolean }): string[][] {
  const inSet = new Set(files)
  const next = (f: string): string[] =>
    importsOf(f).filter((e) => e.file && inSet.has(e.file) && (opts.includeTypes || !e.typeOnly)).map((e) => e.file!)
  let counter = 0
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>()
  const out: string[][] = []
  const connect = (v: string): void => {
    index.set(v, counter); low.set(v, counter); counter++
    stack.push(v); on.add(v)
    for (const w of next(v)) {
      if (!index.has(w)) { connect(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)) }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = []
      let w: string
      do { w = stack.pop()!; on.delete(w); scc.push(w) } while (w !== v)
      if (scc.length > 1) out.push(scc.map((f) => relative(ROOT, f)).sort())
    }
  }
  for (const f of files) if (!index.has(f)) connect(f)
  return out
}

/** Every project file `entry` loads at run time, itself included (value imports only). */
export function runtimeClosure(entry: string): Set<string> {
  const seen = new Set<string>()
  const todo = [entry]
  while (todo.length) {
    const f = todo.pop()!
    if (seen.has(f)) continue
    seen.add(f)
    for (const e of importsOf(f)) if (e.file && !e.typeOnly) todo.push(e.file)
  }
  return seen
}
