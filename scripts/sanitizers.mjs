// The sanitizer settings of the native tests, one place for `npm test` and `npm run test:asan`.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Every sanitized run halts at its first report. allocator_may_return_null: an allocation too big
// for the machine returns null, as it does unsanitized, so the engine's own out-of-memory errors
// (tested with requests of 2^62 bytes) are what runs, not ASan's allocation-size-too-big abort.
export const sanitizerOptions = {
  ASAN_OPTIONS: 'allocator_may_return_null=1:halt_on_error=1:abort_on_error=1',
  UBSAN_OPTIONS: 'halt_on_error=1:print_stacktrace=1',
}

/** Why a program built with -fsanitize=address,undefined cannot build or run here, or null when it can. */
export function sanitizersMissing(cxx = process.env.CXX || 'g++') {
  const dir = mkdtempSync(join(tmpdir(), 'ss-asan-probe-'))
  try {
    writeFileSync(join(dir, 'probe.cc'), 'int main() { return 0; }\n')
    const exe = join(dir, 'probe')
    const build = spawnSync(cxx, ['-fsanitize=address,undefined', join(dir, 'probe.cc'), '-o', exe], { encoding: 'utf8' })
    if (build.error) return `no C++ compiler (${cxx})`
    if (build.status !== 0) return `${cxx} cannot link -fsanitize=address,undefined (libasan/libubsan missing?)`
    const run = spawnSync(exe, [], { encoding: 'utf8', env: { ...process.env, ...sanitizerOptions } })
    if (run.status !== 0) return `a sanitized program does not run here (${(run.stderr || '').trim().split('\n')[0] || `exit ${run.status}`})`
    return null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
