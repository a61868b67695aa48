// Runs a batch of NumPy expressions in ONE python3 subprocess and returns, for
// each, what real NumPy says: shape, strides, flags, values, sharing with the
// case's base array, or the exception's type and message. Returns a reason
// instead when python3 or NumPy is missing (the caller skips and prints it).
import { spawnSync } from 'node:child_process'

export interface NumpyResult {
  error?: { type: string; message: string }
  shape?: number[]
  strides?: number[]
  dtype?: string
  c?: boolean
  f?: boolean
  writeable?: boolean
  owndata?: boolean
  values?: (number | boolean | [number, number])[]
  shares?: boolean
  isBase?: boolean // the result is the base object itself
}

const PRELUDE = String.raw`
import json, sys
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view, as_strided

def bases():
    return {
        'a': np.arange(24.).reshape(2, 3, 4),
        'm': np.arange(12, dtype=np.int32).reshape(3, 4),
        'v': np.arange(10, dtype=np.float32),
        'u': np.arange(6, dtype=np.uint8),
        'e': np.zeros((2, 0, 3)),
        's': np.array(5.0),
        'n': np.arange(2*3*4*5, dtype=np.float32).reshape(2, 3, 4, 5),
    }

def enc(x):
    if isinstance(x, complex): return [x.real, x.imag]
    if isinstance(x, float) and x != x: return 'nan'
    return x

out = []
for base_name, expr in json.loads(sys.stdin.read()):
    env = bases()
    env.update(np=np, sliding_window_view=sliding_window_view, as_strided=as_strided)
    base = env[base_name]
    try:
        r = eval(expr, env)
        if not isinstance(r, np.ndarray):
            r = np.asarray(r)
        out.append(dict(shape=list(r.shape), strides=list(r.strides), dtype=r.dtype.name,
                        c=bool(r.flags.c_contiguous), f=bool(r.flags.f_contiguous),
                        writeable=bool(r.flags.writeable), owndata=bool(r.flags.owndata),
                        values=[enc(v) for v in r.ravel(order='C').tolist()],
                        shares=bool(np.shares_memory(r, base)), isBase=r is base))
    except Exception as e:
        out.append(dict(error=dict(type=type(e).__name__, message=str(e))))
print(json.dumps(out))
`

/** null + reason when NumPy cannot run here. */
export function numpyAvailable(): string | null {
  const r = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' })
  if (r.error) return `python3 not found (${r.error.message})`
  if (r.status !== 0) return `NumPy is not importable: ${r.stderr.trim().split('\n').pop()}`
  return null
}

/**
 * Why an oracle test file must skip (no python3/NumPy here), or null; printed once under
 * the file's name so a skip always says why. The engine is not optional: without it they fail.
 */
export function oracleSkipReason(testName: string): string | null {
  const skip = numpyAvailable()
  if (skip) console.log(`[${testName}] skipped: ${skip}`)
  return skip
}

export function runNumpy(cases: [string, string][]): NumpyResult[] {
  const r = spawnSync('python3', ['-c', PRELUDE], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`)
  return JSON.parse(r.stdout) as NumpyResult[]
}

/** Runs arbitrary python (printing one JSON value) and parses its output. */
export function runPython<T>(code: string): T {
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`)
  return JSON.parse(r.stdout) as T
}
