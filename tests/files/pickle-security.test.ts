// Pickles never run anything: payloads that would call os.system, builtins.eval or
// subprocess.Popen through every opcode that can call (GLOBAL, STACK_GLOBAL, REDUCE,
// BUILD, INST, OBJ) are refused by the file reader and by the runner's torch.load,
// and the marker file each would create never appears.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeTorchBytes } from '../../src/files/torch-pt'
import { openTensorFile } from '../../src/files/open-file'
import { Runner } from '../../src/runner'
import { PickleWriter } from './helpers/pickle-writer'
import { torchZip } from './helpers/torch-save'
import { tmpDir } from './helpers/fixtures'

const dir = tmpDir()
const marker = path.join(dir, 'pwned')
const shell = `touch ${marker}`

/** SHORT_BINUNICODE, as STACK_GLOBAL's operands are written by protocol 4. */
function shortStr(w: PickleWriter, s: string): PickleWriter {
  const b = new TextEncoder().encode(s)
  return w.op(0x8c, b.length, ...b)
}

/** Each payload leaves its would-be result as the pickle's value. */
const payloads: Record<string, (w: PickleWriter) => void> = {
  'GLOBAL os.system + REDUCE': (w) => { w.global('os', 'system').str(shell).tuple(1).reduce() },
  'GLOBAL posix.system + REDUCE': (w) => { w.global('posix', 'system').str(shell).tuple(1).reduce() },
  'STACK_GLOBAL builtins.eval + REDUCE': (w) => {
    shortStr(w, 'builtins'); shortStr(w, 'eval'); w.op(0x93)
    w.str(`__import__('os').system(${JSON.stringify(shell)})`).tuple(1).reduce()
  },
  'GLOBAL subprocess.Popen + REDUCE': (w) => {
    w.global('subprocess', 'Popen').mark().str('touch').str(marker).op(0x6c).tuple(1).reduce()
  },
  'INST os.system': (w) => {
    // MARK args INST module\nname\n
    w.mark().str(shell).op(0x69, ...new TextEncoder().encode('os\nsystem\n'))
  },
  'OBJ os.system': (w) => { w.mark().global('os', 'system').str(shell).op(0x6f) },
  'BUILD with __setstate__ on a global': (w) => {
    w.global('collections', 'OrderedDict').tuple(0).reduce()
    w.global('os', 'system').str(shell).tuple(1).reduce().build()
  },
}

function payloadPt(name: string): Uint8Array {
  const w = new PickleWriter()
  payloads[name](w)
  return torchZip(w.stop(), [])
}

describe('pickle payloads never execute', () => {
  for (const name of Object.keys(payloads)) {
    it(`${name}: refused by the reader and by torch.load, no marker file`, () => {
      const bytes = payloadPt(name)
      expect(() => describeTorchBytes(bytes)).toThrow()
      const file = path.join(dir, `${name.replace(/\W+/g, '_')}.pt`)
      fs.writeFileSync(file, bytes)
      expect(() => openTensorFile(file)).toThrow()
      const res = new Runner().run(`import torch\nx = torch.load(${JSON.stringify(file)})\n`)
      expect(res.error?.type).toMatch(/UnpicklingError|RuntimeError|ValueError|NotImplementedError/)
      expect(fs.existsSync(marker)).toBe(false)
    })
  }
})
