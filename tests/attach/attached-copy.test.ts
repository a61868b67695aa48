// "Copy into the engine": an attached object recreated as an engine object has
// the same shape, strides, offset from its buffer's start, and values.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppSession } from '../../src/session/app-session'
import type { AttachedObject, AttachMessage } from '../../src/shared/attach-protocol'

const f64 = (values: number[]): string => Buffer.from(new Float64Array(values).buffer).toString('base64')

function attached(over: Partial<AttachedObject>): AttachMessage {
  const o: AttachedObject = {
    name: 'a', kind: 'ndarray', dtype: 'float32', dtypeText: 'float32', itemsize: 4,
    shape: [3, 2], byteStrides: [4, 12], byteOffset: 4, dataPtr: String(0x2004),
    buffer: { ptr: String(0x2000), nbytes: 28, kind: 'ndarray' }, device: 'cpu',
    flags: { cContiguous: false, fContiguous: true, writeable: true, ownsData: false, aligned: true },
    requiresGrad: false, window: { shape: [3, 2], complex: false, f64: f64([0, 1, 2, 3, 4, 5]) }, ...over
  }
  return { version: 1, process: { pid: 1, program: 'p.py' }, objects: [o], ops: [] }
}

describe('copy an attached object into the engine', () => {
  it('keeps the layout and values of a strided NumPy view', async () => {
    const s = createAppSession()
    expect((await s.run('import numpy as np\nimport torch')).error).toBeNull()
    await s.attach(attached({}))
    const id = s.snapshot().objects.find((o) => o.origin)!.info.id
    const { code } = await s.attachedCopyLine(id, 'a_copy')
    expect(code).toMatch(/^a_copy = np\.lib\.stride_tricks\.as_strided\(np\.load\('.*\.npy'\)\[0:\], shape=\(3, 2\), strides=\(4, 12\)\)$/)
    const r = await s.run(`${code}\nprint(a_copy)\nprint(a_copy.strides)`)
    expect(r.error).toBeNull()
    expect(r.stdout).toBe('[[0. 1.]\n [2. 3.]\n [4. 5.]]\n(4, 12)\n')
    s.dispose()
  })

  it('runs as the app\'s own line in a working folder: the copy it loads is the one absolute path it may read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'attached-copy-folder-'))
    const s = createAppSession({ workingFolder: folder })
    expect((await s.run('import numpy as np\nimport torch')).error).toBeNull()
    await s.attach(attached({}))
    const id = s.snapshot().objects.find((o) => o.origin)!.info.id
    const { code } = await s.attachedCopyLine(id, 'a_copy')
    const r = await s.run(`${code}\nprint(a_copy.strides)`, 'ui')
    expect(r.error).toBeNull()
    expect(r.stdout).toBe('(4, 12)\n')
    // Any other absolute path from an app line is still refused.
    const other = await s.run(`np.load(${JSON.stringify(join(folder, '..', 'x.npy'))})`, 'ui')
    expect(other.error?.type).toBe('PermissionError')
    s.dispose()
  })

  it('keeps a tensor\'s strides and storage offset', async () => {
    const s = createAppSession()
    expect((await s.run('import numpy as np\nimport torch')).error).toBeNull()
    await s.attach(attached({ name: 't', kind: 'tensor', dtype: 'int64', dtypeText: 'torch.int64', itemsize: 8, shape: [2, 3],
      byteStrides: [8, 16], byteOffset: 0, dataPtr: String(0x2000), buffer: { ptr: String(0x2000), nbytes: 48, kind: 'torch storage' },
      window: { shape: [2, 3], complex: false, f64: f64([10, 11, 12, 13, 14, 15]) } }))
    const t = s.snapshot().objects.find((o) => o.names.includes('t'))!
    const { code } = await s.attachedCopyLine(t.info.id, 't2')
    const r = await s.run(`${code}\nprint(t2)\nprint(t2.stride(), t2.storage_offset())`)
    expect(r.error).toBeNull()
    expect(r.stdout).toBe('tensor([[10, 11, 12],\n        [13, 14, 15]])\n(1, 2) 0\n')
    s.dispose()
  })

  it('turns a negative stride into an offset into the copy', async () => {
    const s = createAppSession()
    expect((await s.run('import numpy as np')).error).toBeNull()
    await s.attach(attached({ name: 'rev', shape: [3], byteStrides: [-4], byteOffset: 8, dataPtr: String(0x2008),
      buffer: { ptr: String(0x2000), nbytes: 12, kind: 'ndarray' }, window: { shape: [3], complex: false, f64: f64([7, 8, 9]) } }))
    const rev = s.snapshot().objects.find((o) => o.names.includes('rev'))!
    const { code } = await s.attachedCopyLine(rev.info.id, 'rev2')
    expect(code).toMatch(/\[2:\], shape=\(3,\), strides=\(-4,\)\)$/)
    const r = await s.run(`${code}\nprint(rev2, rev2.strides)`)
    expect(r.error).toBeNull()
    expect(r.stdout).toBe('[7. 8. 9.] (-4,)\n')
    s.dispose()
  })

  it('refuses an object whose values were only partly sent', async () => {
    const s = createAppSession()
    await s.attach(attached({ window: { shape: [1, 2], complex: false, f64: f64([0, 1]) } }))
    const id = s.snapshot().objects.find((o) => o.origin)!.info.id
    await expect(s.attachedCopyLine(id, 'x')).rejects.toThrow(/only the leading \[1, 2\] block of a was sent/)
    s.dispose()
  })
})
