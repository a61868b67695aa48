// The runner installs its libraries explicitly and passes its hooks: no file of it
// imports another that (directly or not) imports it back, not even for a type.
import { describe, expect, it } from 'vitest'
import { importCycles, sourceFiles } from './import-graph'

describe('runner imports', () => {
  const files = sourceFiles('src/runner')

  it('form no cycle at run time', () => {
    expect(importCycles(files, { includeTypes: false })).toEqual([])
  })

  it('form no cycle counting type-only imports, except a wrapper naming its context', () => {
    // engine_value.ts names the LibraryContext type its wrappers hold; nothing runs through it.
    const allowed = [['src/runner/lib/context.ts', 'src/runner/lib/engine_value.ts']]
    expect(importCycles(files, { includeTypes: true })).toEqual(allowed)
  })
})
