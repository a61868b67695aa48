// The fuzzed surfaces beside the runner (./runner-programs): the file readers fed
// structure-aware mutants of valid files (./file-mutations), and the session's request
// handler fed random methods and params, as the server's sockets deliver them.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describeNpyBytes } from '../files/npy-read'
import { describeNpzBytes } from '../files/npz'
import { describeSafetensorsBytes } from '../files/safetensors'
import { describeTorchBytes } from '../files/torch-pt'
import { readEntryValues } from '../files/element-values'
import { FileFormatError } from '../files/errors'
import type { FileDescription } from '../files/description'
import { handleRequest } from '../session/handlers'
import { createAppSession } from '../session/app-session'
import { METHOD_NAMES } from '../shared/protocol'
import { mutantArb } from './file-mutations'

/** Per surface: inputs tried, clean errors, crashes (with a reproducer each), hangs. */
export interface SurfaceReport {
  surface: string
  inputs: number
  cleanErrors: number
  crashes: { input: string; error: string }[]
  hangs: { input: string; seconds: number }[]
}

/** An input that takes longer than this is reported as a hang (nothing here should take 1 s). */
export const HANG_SECONDS = 2

const DESCRIBE: Record<string, (b: Uint8Array) => FileDescription> = {
  npy: (b) => describeNpyBytes(b),
  npz: (b) => describeNpzBytes(b),
  safetensors: (b) => describeSafetensorsBytes(b),
  pt: (b) => describeTorchBytes(b).description,
}

/** Every valid seed file under `dir` (the test fixtures), by format. */
export function seedFiles(dir: string): { name: string; format: string; bytes: Uint8Array }[] {
  return readdirSync(dir).flatMap((name) => {
    const format = name.split('.').pop()!
    return DESCRIBE[format] ? [{ name, format, bytes: new Uint8Array(readFileSync(join(dir, name))) }] : []
  })
}

export function fuzzFiles(dir: string, count: number, seed: number): SurfaceReport {
  const seeds = seedFiles(dir)
  const report: SurfaceReport = { surface: 'file readers', inputs: 0, cleanErrors: 0, crashes: [], hangs: [] }
  const perSeed = Math.max(1, Math.ceil(count / seeds.length))
  seeds.forEach((s, k) => {
    for (const m of fc.sample(mutantArb(s.bytes), { numRuns: perSeed, seed: seed + k })) {
      report.inputs++
      const t0 = performance.now()
      const what = `${s.name} mutated by ${m.steps.join(', ')}`
      try {
        const d = DESCRIBE[s.format](m.bytes)
        // Reading values checks every entry's bounds against its storage.
        for (const e of d.entries) if (e.dtype !== null) readEntryValues(e, d.storages.find((st) => st.key === e.storageKey)!, 8)
        d.close()
      } catch (e) {
        if (e instanceof FileFormatError) report.cleanErrors++
        else report.crashes.push({ input: what, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) })
      }
      const seconds = (performance.now() - t0) / 1000
      if (seconds > HANG_SECONDS) report.hangs.push({ input: what, seconds })
    }
  })
  return report
}

export async function fuzzRequests(count: number, seed: number): Promise<SurfaceReport> {
  const session = createAppSession()
  const report: SurfaceReport = { surface: 'session requests (the server surface)', inputs: 0, cleanErrors: 0, crashes: [], hangs: [] }
  // Requests that touch the machine (files, profiler, uploads) keep their own tests; the rest get anything.
  const safe = METHOD_NAMES.filter((m) => ['snapshot', 'window', 'reset', 'exportScript', 'interrupt', 'run'].includes(m))
  const arb = fc.tuple(fc.oneof(fc.constantFrom(...safe), fc.string()), fc.oneof(fc.anything(), fc.record({ code: fc.string() }),
    fc.record({ objectId: fc.integer(), start: fc.array(fc.integer()), shape: fc.array(fc.integer()) })))
  for (const [method, params] of fc.sample(arb, { numRuns: count, seed })) {
    report.inputs++
    const t0 = performance.now()
    try {
      const reply = await handleRequest(session, method, params)
      if (!reply.ok) report.cleanErrors++
    } catch (e) {
      report.crashes.push({ input: JSON.stringify([method, params]), error: e instanceof Error ? e.message : String(e) })
    }
    const seconds = (performance.now() - t0) / 1000
    if (seconds > HANG_SECONDS) report.hangs.push({ input: JSON.stringify([method, params]).slice(0, 200), seconds })
  }
  session.dispose()
  return report
}
