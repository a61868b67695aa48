#!/usr/bin/env node
// `npm test`: every test, in order of the layers — C++ core tests (no Node; under ASan and UBSan where available),
// unit/binding/oracle tests (vitest), end-to-end tests (Playwright in Chromium).
// A suite whose prerequisite is missing here skips with a printed reason.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sanitizerOptions, sanitizersMissing } from './sanitizers.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const failures = []

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) failures.push(name)
}

if (!existsSync(join(root, 'build', 'Release', 'stridescope.node'))) {
  step('native build', process.execPath, [join(root, 'scripts', 'build-native.mjs')])
}
if (existsSync(join(root, 'native', 'tests', 'run.mjs'))) {
  // Under AddressSanitizer and UndefinedBehaviorSanitizer where the compiler has them (-O0: the
  // sanitized build compiles in a few minutes); plain otherwise, saying why.
  const missing = sanitizersMissing()
  if (missing) {
    console.log(`\n[C++ core tests] running without sanitizers: ${missing}`)
    step('C++ core tests', process.execPath, [join(root, 'native', 'tests', 'run.mjs')])
  } else {
    step('C++ core tests (ASan + UBSan)', process.execPath, [join(root, 'native', 'tests', 'run.mjs')],
      { ...sanitizerOptions, SANITIZE: '1', SANITIZE_OPT: process.env.SANITIZE_OPT || '-O0' })
  }
}
step('build (electron-vite)', bin('electron-vite'), ['build'])
step('unit, binding and oracle tests (vitest)', bin('vitest'), ['run'])
step('end-to-end tests (Playwright)', bin('playwright'), ['test'])

if (failures.length) {
  console.error(`\nFAILED: ${failures.join(', ')}`)
  process.exit(1)
}
console.log('\nall test suites passed')
