// Every UI action is a Python line: the same line a person could type in the
// console. These builders are the one place where the UI spells NumPy/PyTorch.
import type { DTypeName, Kind } from './types'
import { pyTuple } from './address'

const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except ' +
  'finally for from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '))
/** Names the runner binds itself: a UI action must never shadow them. */
const RESERVED = new Set(['np', 'numpy', 'torch', 'print'])

export function isValidName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name) && !RESERVED.has(name)
}

/** The next free short name: a, b, ..., z, a1, b1, ... */
export function freshName(taken: Iterable<string>): string {
  const used = new Set(taken)
  for (let round = 0; ; round++) {
    for (let c = 0; c < 26; c++) {
      const n = String.fromCharCode(97 + c) + (round === 0 ? '' : String(round))
      if (!used.has(n) && isValidName(n)) return n
    }
  }
}

function lib(kind: Kind): string {
  return kind === 'tensor' ? 'torch' : 'np'
}

/** torch.float32 / np.float32: both libraries spell the common dtypes the same way. */
export function dtypeExpr(kind: Kind, dtype: DTypeName): string {
  if (kind === 'tensor' && dtype === 'bool') return 'torch.bool'
  if (kind === 'ndarray' && dtype === 'bool') return 'np.bool_'
  return `${lib(kind)}.${dtype}`
}

export type Fill = 'zeros' | 'ones' | 'arange' | 'rand' | 'empty'

export interface CreateSpec {
  name: string
  kind: Kind
  fill: Fill
  dtype: DTypeName
  shape: number[]
  device?: string         // tensors only; 'cpu' when absent
}

export function createLine(s: CreateSpec): string {
  // torch takes sizes as varargs, NumPy a tuple; a 0-d shape is `()` for both.
  const shapeArgs = s.kind === 'tensor' && s.shape.length > 0 ? s.shape.join(', ') : pyTuple(s.shape)
  const dev = s.kind === 'tensor' && s.device && s.device !== 'cpu' ? `, device='${s.device}'` : ''
  const dt = `dtype=${dtypeExpr(s.kind, s.dtype)}`
  const numel = s.shape.reduce((a, b) => a * b, 1)
  switch (s.fill) {
    case 'zeros':
    case 'ones':
    case 'empty':
      return `${s.name} = ${lib(s.kind)}.${s.fill}(${shapeArgs}, ${dt}${dev})`
    case 'arange': {
      const reshape = s.shape.length === 1 ? '' : `.reshape(${shapeArgs})`
      return `${s.name} = ${lib(s.kind)}.arange(${numel}, ${dt}${dev})${reshape}`
    }
    case 'rand':
      // torch.rand takes a float dtype; NumPy's generator gives float64, cast when asked for another dtype.
      if (s.kind === 'tensor') return `${s.name} = torch.rand(${shapeArgs}, ${dt}${dev})`
      return s.dtype === 'float64'
        ? `${s.name} = np.random.rand(${s.shape.join(', ')})`
        : `${s.name} = np.random.rand(${s.shape.join(', ')}).astype(${dtypeExpr('ndarray', s.dtype)})`
  }
}

export type ViewOp =
  | { op: 'slice'; spec: string }
  | { op: 'T' }
  | { op: 'transpose'; dim0: number; dim1: number }
  | { op: 'permute'; dims: number[] }
  | { op: 'expand'; shape: number[] }
  | { op: 'reshape'; shape: number[] }
  | { op: 'view'; shape: number[] }
  | { op: 'as_strided'; shape: number[]; strides: number[]; offset: number | null }

/** strides for as_strided: elements for tensors, bytes for arrays (each library's own unit). */
export function viewLine(out: string, src: string, kind: Kind, v: ViewOp): string {
  const t = kind === 'tensor'
  switch (v.op) {
    case 'slice':
      return `${out} = ${src}[${v.spec}]`
    case 'T':
      return `${out} = ${src}.T`
    case 'transpose':
      return t ? `${out} = ${src}.transpose(${v.dim0}, ${v.dim1})` : `${out} = ${src}.swapaxes(${v.dim0}, ${v.dim1})`
    case 'permute':
      return t ? `${out} = ${src}.permute(${v.dims.join(', ')})` : `${out} = ${src}.transpose(${v.dims.join(', ')})`
    case 'expand':
      return t ? `${out} = ${src}.expand(${v.shape.join(', ')})` : `${out} = np.broadcast_to(${src}, ${pyTuple(v.shape)})`
    case 'reshape':
      return `${out} = ${src}.reshape(${t ? v.shape.join(', ') : pyTuple(v.shape)})`
    case 'view':
      // NumPy's .view() reinterprets the dtype; a shape-only view of an array is a reshape.
      return t ? `${out} = ${src}.view(${v.shape.join(', ')})` : `${out} = ${src}.reshape(${pyTuple(v.shape)})`
    case 'as_strided':
      if (t) {
        const off = v.offset === null ? '' : `, ${v.offset}`
        return `${out} = ${src}.as_strided(${pyTuple(v.shape)}, ${pyTuple(v.strides)}${off})`
      }
      return `${out} = np.lib.stride_tricks.as_strided(${src}, shape=${pyTuple(v.shape)}, strides=${pyTuple(v.strides)})`
  }
}

export type Conversion = 'from_numpy' | 'numpy' | 'as_tensor' | 'tensor' | 'asarray' | 'torch.asarray'

export function conversionLine(out: string, src: string, c: Conversion): string {
  switch (c) {
    case 'from_numpy': return `${out} = torch.from_numpy(${src})`
    case 'numpy': return `${out} = ${src}.numpy()`
    case 'as_tensor': return `${out} = torch.as_tensor(${src})`
    case 'tensor': return `${out} = torch.tensor(${src})`
    case 'asarray': return `${out} = np.asarray(${src})`
    case 'torch.asarray': return `${out} = torch.asarray(${src})`
  }
}

/** Which conversions make sense from an object of this kind. */
export function conversionsFor(kind: Kind): Conversion[] {
  return kind === 'ndarray' ? ['from_numpy', 'as_tensor', 'tensor', 'torch.asarray', 'asarray'] : ['numpy', 'asarray', 'as_tensor', 'tensor']
}

export type CopyOp = 'clone' | 'copy' | 'contiguous' | 'ascontiguousarray' | 'np.copy'

export function copyLine(out: string, src: string, c: CopyOp): string {
  switch (c) {
    case 'clone': return `${out} = ${src}.clone()`
    case 'copy': return `${out} = ${src}.copy()`
    case 'contiguous': return `${out} = ${src}.contiguous()`
    case 'ascontiguousarray': return `${out} = np.ascontiguousarray(${src})`
    case 'np.copy': return `${out} = np.copy(${src})`
  }
}

export function copiesFor(kind: Kind): CopyOp[] {
  return kind === 'tensor' ? ['clone', 'contiguous'] : ['copy', 'np.copy', 'ascontiguousarray']
}

export type DeviceMove = { op: 'cuda' } | { op: 'cpu' } | { op: 'to'; device: string } | { op: 'pin_memory' }

export function deviceLine(out: string, src: string, m: DeviceMove): string {
  switch (m.op) {
    case 'cuda': return `${out} = ${src}.cuda()`
    case 'cpu': return `${out} = ${src}.cpu()`
    case 'to': return `${out} = ${src}.to('${m.device}')`
    case 'pin_memory': return `${out} = ${src}.pin_memory()`
  }
}

/** Python literal for a value typed by a person, checked against the dtype. Null when it is not one. */
export function valueLiteral(dtype: DTypeName, text: string): string | null {
  const s = text.trim()
  if (dtype === 'bool') return s === 'True' || s === 'False' ? s : s === '1' ? 'True' : s === '0' ? 'False' : null
  if (dtype.startsWith('int') || dtype.startsWith('uint')) return /^-?\d+$/.test(s) ? String(BigInt(s)) : null
  if (dtype.startsWith('complex')) return /^[-+0-9.eE]+([-+][0-9.eE]*j)?$|^[-+0-9.eE]*j$/.test(s) ? s : null
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return s
  if (/^[-+]?(inf|nan)$/i.test(s)) return `float('${s.toLowerCase()}')`
  return null
}

export function editLine(name: string, index: readonly number[], literal: string): string {
  return `${name}[${index.length ? index.join(', ') : '()'}] = ${literal}`
}

export function deleteLine(name: string): string {
  return `del ${name}`
}

/** Parses '2, 3' or '(2, 3)' or '[2,3]' into integers; null on anything else. */
export function parseIntList(text: string, allowNegative = false): number[] | null {
  const s = text.trim().replace(/^[([]|[)\]]$/g, '').trim()
  if (s === '') return []
  const parts = s.split(',').map((p) => p.trim()).filter((p, i, a) => p !== '' || i !== a.length - 1)
  const out: number[] = []
  for (const p of parts) {
    if (!(allowNegative ? /^-?\d+$/ : /^\d+$/).test(p)) return null
    out.push(Number(p))
  }
  return out
}

/** Why `text` is no shape (for the create form), or null when parseIntList reads it. */
export function shapeProblem(text: string): string | null {
  if (parseIntList(text) !== null) return null
  const s = text.trim().replace(/^[([]|[)\]]$/g, '').trim()
  const parts = s.split(',').map((p) => p.trim())
  const bad = parts.find((p, i) => !/^\d+$/.test(p) && !(p === '' && i === parts.length - 1))
  if (bad === undefined || bad === '') return 'a shape is sizes separated by commas, e.g. 3, 4 (one size: 5,)'
  if (/^-\d+$/.test(bad)) return `size ${bad} is negative: every size is 0 or more`
  if (/^\d*\.\d*$/.test(bad)) return `size ${bad} is not a whole number`
  return `'${bad}' is not a size: a shape is whole numbers separated by commas, e.g. 3, 4`
}

/** The import lines a UI action needs: the modules it names that no successful line of the session imported yet. */
export function missingImports(line: string, history: ReadonlyArray<{ code: string; ok: boolean }>): string[] {
  const need: string[] = []
  const has = (re: RegExp): boolean => history.some((h) => h.ok && re.test(h.code))
  if (/\bnp\./.test(line) && !has(/^\s*import numpy as np\s*$/m)) need.push('import numpy as np')
  if (/\btorch\./.test(line) && !has(/^\s*import torch\s*$/m)) need.push('import torch')
  return need
}

/** What a fresh session runs first, as a script would: both libraries under their usual names. */
export const PREAMBLE = 'import numpy as np\nimport torch'
