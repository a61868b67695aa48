// `stridescope inspect FILE`: what a .npy/.npz/.safetensors/.pt file holds, as a table of
// its arrays and tensors (dtype, shape, strides, offset, storage, bytes, shares with).
import { FileFormatError } from '../../files/errors'
import { formatTable } from '../../files/format-table'
import { openTensorFile } from '../../files/open-file'
import { readEntryValues, type ElementValue } from '../../files/element-values'

export const describe = 'print the arrays and tensors a .npy/.npz/.safetensors/.pt file holds, and what they share'
export const usage = 'stridescope inspect FILE [--values N] [--json] [--mmap-limit BYTES]'

function showValue(v: ElementValue): string {
  if (Array.isArray(v)) return `${v[0]}${v[1] < 0 || Object.is(v[1], -0) ? '-' : '+'}${Math.abs(v[1])}j`
  if (typeof v === 'boolean') return v ? 'True' : 'False'
  return String(v)
}

export async function main(argv: string[]): Promise<number> {
  let file: string | undefined
  let values = 0
  let json = false
  let mmapLimit: number | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--values') values = Number(argv[++i])
    else if (a === '--json') json = true
    else if (a === '--mmap-limit') mmapLimit = Number(argv[++i])
    else if (a === '-h' || a === '--help') { process.stdout.write(`usage: ${usage}\n${describe}\n`); return 0 }
    else if (file === undefined && !a.startsWith('--')) file = a
    else { process.stderr.write(`inspect: unexpected argument ${a}\nusage: ${usage}\n`); return 2 }
  }
  if (file === undefined || !Number.isInteger(values) || values < 0 || (mmapLimit !== undefined && !(mmapLimit >= 0))) {
    process.stderr.write(`usage: ${usage}\n`)
    return 2
  }
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
          out += `  ${e.name}: [${vs.slice(0, values).map(showValue).join(', ')}${more}]\n`
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
