// Every runner op on 0-d and empty inputs (./edge-inputs.ts): nothing crashes,
// nothing answers with an internal error, and each result or error is the real
// library's, apart from the differences listed (with reasons) in ./known-gaps.ts.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { Runner } from '../../../src/runner'
import { loadAddon } from '../../../src/engine'
import { NUMPY_CASES, NUMPY_INPUTS, NUMPY_PROGRAM, TORCH_CASES, TORCH_INPUTS, TORCH_PROGRAM, caseNames } from './edge-inputs'
import { NUMPY_GAPS, TORCH_GAPS } from './known-gaps'

function addonProblem(): string | null {
  try {
    loadAddon()
    return null
  } catch (e) {
    return `native addon not built: ${(e as Error).message.split('\n')[0]}`
  }
}

/** The first interpreter that imports `module` (the PyTorch oracle may be a different Python from NumPy's). */
function pythonWith(module: string): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    if (spawnSync(py, ['-c', `import ${module}`], { encoding: 'utf8' }).status === 0) return py
  }
  return null
}

function oracleLines(python: string, program: string): string[] {
  const r = spawnSync(python, ['-W', 'ignore', '-c', program], { encoding: 'utf8', maxBuffer: 16 << 20 })
  if (r.status !== 0) throw new Error(`${python} failed: ${r.stderr}`)
  return r.stdout.trimEnd().split('\n')
}

function runnerLines(program: string): string[] {
  const result = new Runner({}).run(program, 'edge-inputs.py')
  expect(result.error, result.stderr).toBeNull()
  return result.stdout.trimEnd().split('\n')
}

function sweep(label: string, module: string, program: string, names: string[], gaps: Record<string, string>): void {
  const skip = addonProblem() ?? (pythonWith(module) ? null : `no python3 imports ${module}`)
  if (skip) console.log(`[edge-inputs ${label}] skipped: ${skip}`)
  it.skipIf(skip !== null)(`${label}: every op on 0-d and empty inputs matches the library or is a listed gap`, () => {
    const ours = runnerLines(program)
    const real = oracleLines(pythonWith(module)!, program)
    expect(ours.length).toBe(names.length)
    expect(real.length).toBe(names.length)
    // No crash above; no internal error here: every failure is a Python exception of the library's kind.
    for (const [i, line] of ours.entries()) expect(line, names[i]).not.toMatch(/^err (SystemError|InternalError|RangeError):/)
    const differing: Record<string, string> = {}
    for (const [i, name] of names.entries()) if (ours[i] !== real[i]) differing[name] = `ours: ${ours[i]} | real: ${real[i]}`
    const unexpected = Object.entries(differing).filter(([name]) => !(name in gaps))
    expect(unexpected, 'differences not in known-gaps.ts').toEqual([])
    const closed = Object.keys(gaps).filter((name) => !(name in differing))
    expect(closed, 'known gaps that now agree (remove them from known-gaps.ts)').toEqual([])
  })
}

describe('ops over 0-d and empty inputs', () => {
  sweep('NumPy', 'numpy', NUMPY_PROGRAM, caseNames(NUMPY_INPUTS, NUMPY_CASES), NUMPY_GAPS)
  sweep('PyTorch', 'torch', TORCH_PROGRAM, caseNames(TORCH_INPUTS, TORCH_CASES), TORCH_GAPS)
})
