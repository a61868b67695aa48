#!/usr/bin/env node
// The C++ sources of the engine, one place for binding.gyp and native/tests/run.mjs.
// Prints them space-separated relative to the repository root (gyp's <!@ expansion).
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

function ccFiles(dir) {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs).filter((f) => f.endsWith('.cc')).sort().map((f) => `${dir}/${f}`)
}

/** Core + cpu backend: everything but the Node binding. */
export function engineSources() {
  return [...ccFiles('native/core'), ...ccFiles('native/backends/cpu')]
}

export function bindingSources() {
  return ccFiles('native/binding')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const which = process.argv[2] ?? 'all'
  const list = which === 'engine' ? engineSources() : [...engineSources(), ...bindingSources()]
  process.stdout.write(list.join(' ') + '\n')
}
