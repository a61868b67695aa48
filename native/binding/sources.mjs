#!/usr/bin/env node
// The C++ sources of the engine, one place for binding.gyp and native/tests/run.mjs.
// Prints them space-separated relative to the repository root (gyp's <!@ expansion).
// The cpu backend is built from whatever native/backends/cpu/*.cc exists; until a
// file there defines strided_copy / host_alloc, the core's fallback stands in.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

function ccFiles(dir) {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs).filter((f) => f.endsWith('.cc')).sort().map((f) => `${dir}/${f}`)
}

/** Core + cpu backend (+ fallbacks): everything but the Node binding. */
export function engineSources() {
  const core = ccFiles('native/core')
  const cpu = ccFiles('native/backends/cpu')
  const text = cpu.map((f) => readFileSync(join(root, f), 'utf8')).join('\n')
  const out = [...core, ...cpu]
  if (!/CopyReport\s+strided_copy\s*\(/.test(text)) out.push('native/core/fallback/strided_copy_fallback.cc')
  if (!/void\s*\*\s*host_alloc\s*\(/.test(text)) out.push('native/core/fallback/host_alloc_fallback.cc')
  return out
}

export function bindingSources() {
  return ccFiles('native/binding')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const which = process.argv[2] ?? 'all'
  const list = which === 'engine' ? engineSources() : [...engineSources(), ...bindingSources()]
  process.stdout.write(list.join(' ') + '\n')
}
