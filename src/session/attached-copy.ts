// "Copy into the engine" for an attached object: its buffer (the bytes its
// elements reach, from the lowest to the highest) is written to a private .npy,
// and one Python line views it with the object's own shape, strides and offset:
//   x = np.lib.stride_tricks.as_strided(np.load('…/x.npy')[2:], shape=(3, 4), strides=(8, 32))
//   t = torch.from_numpy(np.load('…/t.npy')).as_strided((3, 4), (1, 3), 2)
// Bytes between elements that the program never sent are zeros. Values came as
// float64, so 64-bit integers beyond 2^53 are rounded (as the f64 window says).
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { DTypeName } from '../engine/types'
import { npyHeaderBytes } from '../files/npy-write'
import { npyDescrFor } from '../files/npy-dtype'
import type { ObjectEntry } from '../shared/protocol'
import { SessionError } from './errors'
import { pyString } from './file-service'

let copyDir: string | null = null

function privateDir(): string {
  if (copyDir === null) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stridescope-attached-'))
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
    copyDir = dir
  }
  return copyDir
}

const pyTuple = (xs: readonly number[]): string => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`)

/** The .npy dtype the buffer is saved as, and the cast back (NumPy has no bfloat16; .npy has float16 but JS has no Float16Array). */
function savedAs(dtype: DTypeName): { saved: DTypeName; cast: string | null } {
  if (dtype === 'float16') return { saved: 'float32', cast: 'float16' }
  if (dtype === 'bfloat16') return { saved: 'float32', cast: 'bfloat16' }
  return { saved: dtype, cast: null }
}

function encode(dtype: DTypeName, values: Float64Array): Uint8Array {
  const n = values.length
  switch (dtype) {
    case 'bool': return Uint8Array.from(values, (v) => (v !== 0 ? 1 : 0))
    case 'int8': return new Uint8Array(Int8Array.from(values).buffer)
    case 'uint8': return Uint8Array.from(values)
    case 'int16': return new Uint8Array(Int16Array.from(values).buffer)
    case 'uint16': return new Uint8Array(Uint16Array.from(values).buffer)
    case 'int32': return new Uint8Array(Int32Array.from(values).buffer)
    case 'uint32': return new Uint8Array(Uint32Array.from(values).buffer)
    case 'int64': {
      const out = new BigInt64Array(n)
      for (let i = 0; i < n; i++) out[i] = BigInt(Math.trunc(values[i]))
      return new Uint8Array(out.buffer)
    }
    case 'uint64': {
      const out = new BigUint64Array(n)
      for (let i = 0; i < n; i++) out[i] = BigInt(Math.trunc(values[i]))
      return new Uint8Array(out.buffer)
    }
    case 'float32': case 'complex64': return new Uint8Array(Float32Array.from(values).buffer)
    default: return new Uint8Array(values.slice().buffer) // float64, complex128
  }
}

/**
 * Writes the object's buffer and returns the line that recreates it as `name`, and the file
 * that line loads (the app's line: the session lets it read that one absolute path).
 * `values` is the object's whole window (C order; complex as re, im pairs).
 */
export function attachedCopyLine(entry: ObjectEntry, values: Float64Array, name: string): { line: string; file: string } {
  const { info, origin } = entry
  if (!origin) throw new SessionError('bad-request', `${entry.names[0]} is not an attached object`)
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new SessionError('bad-request', `'${name}' is not a Python name`)
  if (origin.windowShape.some((n, d) => n !== info.shape[d])) {
    throw new SessionError('out-of-range',
      `only the leading [${origin.windowShape.join(', ')}] block of ${entry.names[0]} was sent; raise stridescope.set_window_cap() and show it again`)
  }
  const itemsize = info.itemsize
  if (info.byteStrides.some((s) => s % itemsize !== 0)) {
    throw new SessionError('bad-request', `${entry.names[0]} has strides that are not multiples of its itemsize; the engine copy needs whole elements`)
  }
  const rank = info.shape.length
  const strides = info.byteStrides.map((s) => s / itemsize)
  // The elements reached, relative to element 0: [lo, hi].
  let lo = 0
  let hi = 0
  for (let d = 0; d < rank; d++) {
    const span = Math.max(info.shape[d] - 1, 0) * strides[d]
    if (span < 0) lo += span
    else hi += span
  }
  const empty = info.numel === 0
  const length = empty ? 0 : hi - lo + 1
  const offset = -lo
  const complex = info.dtype.startsWith('complex')
  const width = complex ? 2 : 1
  const buffer = new Float64Array(length * width)
  const index = new Array<number>(rank).fill(0)
  for (let k = 0; k < info.numel; k++) {
    let at = offset
    for (let d = 0; d < rank; d++) at += index[d] * strides[d]
    for (let c = 0; c < width; c++) buffer[at * width + c] = values[k * width + c]
    for (let d = rank - 1; d >= 0; d--) {
      if (++index[d] < info.shape[d]) break
      index[d] = 0
    }
  }
  const { saved, cast } = savedAs(info.dtype)
  const descr = npyDescrFor(saved, '<')
  if (descr === null) throw new SessionError('bad-request', `dtype ${info.dtype} cannot be copied into the engine`)
  const head = npyHeaderBytes(descr, false, [length]).bytes
  const body = encode(saved, buffer)
  const file = path.join(privateDir(), `${name}-${Date.now()}.npy`)
  const fd = fs.openSync(file, 'w', 0o600)
  try {
    fs.writeSync(fd, head)
    fs.writeSync(fd, body)
  } finally {
    fs.closeSync(fd)
  }
  const loaded = `np.load(${pyString(file)})`
  if (info.kind === 'tensor') {
    const castTo = cast ? `.to(torch.${cast})` : ''
    return { line: `${name} = torch.from_numpy(${loaded})${castTo}.as_strided(${pyTuple(info.shape)}, ${pyTuple(strides)}, ${offset})`, file }
  }
  const base = cast ? `${loaded}.astype(np.${cast})` : loaded
  return { line: `${name} = np.lib.stride_tricks.as_strided(${base}[${offset}:], shape=${pyTuple(info.shape)}, strides=${pyTuple(info.byteStrides)})`, file }
}
