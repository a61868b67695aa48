// Stop, Ctrl-C and --timeout reach what runs for seconds outside the interpreter's own loop:
// np.load of a big .npy and of a deflated .npz, torch.load's unpickling, safetensors'
// load_file, np.save's gather, np.savez_compressed's deflate, and device moves (.to('cuda'),
// .cpu()). Each statement below sets the stop flag while its arguments are evaluated (the
// print), so the request is first seen inside the call: it raises KeyboardInterrupt, binds
// nothing, frees what it allocated, and every object made before it stays usable.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeSafetensors } from '../../../src/files/safetensors'
import { Runner } from '../../../src/runner'
import { PickleWriter } from '../../files/helpers/pickle-writer'
import { torchZip } from '../../files/helpers/torch-save'
import { noise, npy } from '../../files/helpers/payloads'

/** A runner whose program asks to stop itself when it prints 'stop' (as the Stop button would). */
function stoppingRunner(simulateCuda = false): Runner {
  const r: Runner = new Runner({
    simulateCuda,
    onStdout: (s) => { if (s.includes('stop')) Atomics.store(r.interruptFlag, 0, 1) },
  })
  return r
}

/** Runs `stmt` (whose `STOP(x)[1]` is x, after asking to stop): KeyboardInterrupt, `name` unbound, `kept` intact. */
function expectInterrupted(r: Runner, stmt: string, name: string): void {
  const res = r.run(stmt.replace(/STOP\(/g, "(print('stop'), "), 'io.py')
  expect(res.error?.type, res.stderr).toBe('KeyboardInterrupt')
  expect(res.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "io\.py", line 1, in <module>\n.*\nKeyboardInterrupt\n$/s)
  const after = r.run(`try:\n    ${name}\n    print('bound')\nexcept NameError:\n    print('unbound')\nprint(int(kept.sum()))\n`)
  expect(after.error).toBeNull()
  expect(after.stdout).toBe('unbound\n10\n')
}

describe('a stop request reaches file loads, np.save and device moves', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stridescope-interrupt-io-'))
  const file = (name: string) => path.join(dir, name)
  beforeAll(() => {
    fs.writeFileSync(file('big.npy'), npy(new Uint8Array(40 << 20))) // read in 16 MiB pieces
    fs.writeFileSync(file('big.npz'), zipSync({ 'x.npy': [npy(noise(2 << 20)), { level: 6 }] }))
    const w = new PickleWriter()
    w.emptyList().mark()
    for (let i = 0; i < 100_000; i++) w.emptyList()
    w.appends()
    fs.writeFileSync(file('big.pt'), torchZip(w.stop(), []))
    const data = new Uint8Array(40 << 20)
    fs.writeFileSync(file('big.safetensors'), encodeSafetensors({ w: { dtype: 'uint8', shape: [data.length], strides: [1], itemsize: 1, byteOffset: 0, data } }))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('np.load of a big .npy and of a deflated .npz member, torch.load, load_file', () => {
    const r = stoppingRunner()
    expect(r.run('import numpy as np\nimport torch\nfrom safetensors.torch import load_file\nkept = np.arange(5)\n').error).toBeNull()
    expectInterrupted(r, `x = np.load(STOP('${file('big.npy')}')[1])`, 'x')
    expectInterrupted(r, `x = np.load(STOP('${file('big.npz')}')[1])`, 'x')
    expectInterrupted(r, `x = torch.load(STOP('${file('big.pt')}')[1])`, 'x')
    expectInterrupted(r, `x = load_file(STOP('${file('big.safetensors')}')[1])`, 'x')
    // the same loads run whole once nobody asks to stop
    const whole = r.run(`a = np.load('${file('big.npy')}')\nb = np.load('${file('big.npz')}')['x']\nc = torch.load('${file('big.pt')}')\nd = load_file('${file('big.safetensors')}')\nprint(a.nbytes, b.nbytes, len(c), d['w'].numel())`)
    expect(whole.stdout).toBe(`${40 << 20} ${2 << 20} 100000 ${40 << 20}\n`)
  })

  it('np.save and np.savez_compressed of a big array stop before writing anything', () => {
    const r = stoppingRunner()
    expect(r.run('import numpy as np\nkept = np.arange(5)\nbig = np.ones((4096, 4096))\n').error).toBeNull()
    expectInterrupted(r, `x = np.save(STOP('${file('saved.npy')}')[1], big.T)`, 'x')
    expect(fs.existsSync(file('saved.npy'))).toBe(false)
    expectInterrupted(r, `x = np.savez_compressed(STOP('${file('saved.npz')}')[1], big=big)`, 'x')
    expect(fs.existsSync(file('saved.npz'))).toBe(false)
  })

  it('.to(\'cuda\'), .cpu() and a strided move keep the workspace and the device memory as they were', () => {
    const r = stoppingRunner(true)
    expect(r.run('import torch\nimport numpy as np\nkept = np.arange(5)\na = torch.ones(4608, 4096)\nd = a.cuda()\n').error).toBeNull()
    const allocated = () => r.run('print(torch.cuda.memory_allocated())').stdout
    const before = allocated()
    expectInterrupted(r, `x = a.to(STOP('cuda')[1])`, 'x')
    expectInterrupted(r, `x = a[:, 1:].to(STOP('cuda')[1])`, 'x')
    expectInterrupted(r, `x = d[:, 1:].to(STOP('cpu')[1])`, 'x')
    expect(allocated()).toBe(before)
    expect(r.run('print(int(d.cpu().sum()))').stdout).toBe(`${4608 * 4096}\n`)
  })
})
