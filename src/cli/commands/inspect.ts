// `stridescope inspect FILE`: what a .npy/.npz/.safetensors/.pt file holds, as a table of
// its arrays and tensors (dtype, shape, strides, offset, storage, bytes, shares with).
import { FileFormatError } from '../../files/errors'
import { formatTable } from '../../files/format-table'
import { openTensorFile } from '../../files/open-file'
import { readEntryValues, type ElementValue } from '../../files/element-values'
import type { DTypeName } from '../../engine/types'
import { HELP, parseCommandArgs, runCommand, UsageError } from '../args'

export const describe = 'print the arrays and tensors a .npy/.npz/.safetensors/.pt file holds, and what they share'
export const usage = `stridescope inspect FILE [--values N] [--json] [--mmap-limit BYTES]

  FILE                a .npy, .npz, .safetensors or .pt file
  --values N          print the first N values of each entry (C order)
  --json              print the whole description as JSON
  --mmap-limit BYTES  map .npy files larger than this instead of reading them (default 64 MiB)
  -h, --help          print this help`

export interface InspectArgs { file: string; values: number; json: boolean; mmapLimit: number | undefined; help: boolean }

export function parseInspectArgs(argv: string[]): InspectArgs {
  const { values: v, positionals } = parseCommandArgs(argv, {
    options: { values: { type: 'string' }, json: { type: 'boolean' }, 'mmap-limit': { type: 'string' }, ...HELP },
    allowPositionals: true,
  })
  const args: InspectArgs = {
    file: positionals[0] ?? '', values: 0, json: v.json ?? false, mmapLimit: undefined, help: v.help ?? false,
  }
  if (args.help) return args
  if (v.values !== undefined) {
    args.values = Number(v.values)
    if (!Number.isInteger(args.values) || args.values < 0) throw new UsageError('--values needs an integer >= 0')
  }
  if (v['mmap-limit'] !== undefined) {
    args.mmapLimit = Number(v['mmap-limit'])
    if (!(args.mmapLimit >= 0)) throw new UsageError('--mmap-limit needs a number of bytes >= 0')
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`)
  if (positionals.length === 0) throw new UsageError('missing FILE')
  return args
}

// The shortest decimal that reads back as the same value of the element's own width, as
// NumPy prints float32/float16 scalars (0.33333334, not the float64 0.3333333432674408).
function shortest(x: number, bits: 16 | 32 | 64): string {
  if (bits === 64 || x === 0) return String(x)
  const same = (c: number) => {
    if (bits === 32) return Math.fround(c) === x
    const e = Math.max(Math.floor(Math.log2(Math.abs(x))), -14)
    return Math.abs(c - x) < 2 ** (e - 10) / 2
  }
  for (let p = 1; p <= 17; p++) {
    const c = Number(x.toPrecision(p))
    if (same(c)) return String(c)
  }
  return String(x)
}

// Python's repr of a float: integral values keep a '.0', non-finite ones are nan/inf.
function pyFloat(x: number, bits: 16 | 32 | 64): string {
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf'
  const s = shortest(x, bits)
  return /^-?\d+$/.test(s) ? s + '.0' : s
}

function showValue(v: ElementValue, dtype: DTypeName): string {
  const bits = dtype === 'float16' ? 16 : dtype === 'float32' || dtype === 'complex64' || dtype === 'bfloat16' ? 32 : 64
  if (Array.isArray(v)) return `(${pyFloat(v[0], bits)}${v[1] < 0 || Object.is(v[1], -0) ? '-' : '+'}${pyFloat(Math.abs(v[1]), bits)}j)`
  if (typeof v === 'boolean') return v ? 'True' : 'False'
  return typeof v === 'number' && /float/.test(dtype) ? pyFloat(v, bits) : String(v)
}

export const main = (argv: string[]) => runCommand('inspect', { describe, usage }, argv, parseInspectArgs, inspect)

async function inspect({ file, values, json, mmapLimit }: InspectArgs): Promise<number> {
  try {
    const d = openTensorFile(file, { mmapLimit })
    try {
      if (json) {
        const plain = { ...d, storages: d.storages.map(({ source: _source, ...s }) => s), close: undefined }
        process.stdout.write(JSON.stringify(plain, null, 2) + '\n')
        return 0
      }
      let out = formatTable(d)
      if (values > 0) {
        out += '\nvalues (C order):\n'
        for (const e of d.entries) {
          if (e.dtype === null) continue
          const storage = d.storages.find((s) => s.key === e.storageKey)!
          const vs = readEntryValues(e, storage, values + 1)
          const more = vs.length > values ? ', ...' : ''
          out += `  ${e.name}: [${vs.slice(0, values).map((v) => showValue(v, e.dtype!)).join(', ')}${more}]\n`
        }
      }
      process.stdout.write(out)
      return 0
    } finally {
      d.close()
    }
  } catch (e) {
    if (e instanceof FileFormatError) {
      process.stderr.write(`${e.pyType}: ${e.message}\n`)
      return 1
    }
    throw e
  }
}
