// Hostile files from the audit, each kept as its reproducer: they load or are refused
// with a clean error, in time that grows no faster than n log n with what they hold.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeSharing, MAX_SHARES_LISTED } from '../../src/files/description'
import { openTensorFile } from '../../src/files/open-file'
import { describeSafetensorsBytes } from '../../src/files/safetensors'
import { describeTorchBytes } from '../../src/files/torch-pt'
import { formatTable } from '../../src/files/format-table'
import { PickleWriter } from './helpers/pickle-writer'
import { f32Bytes, torchSave, torchZip } from './helpers/torch-save'
import { tmpDir } from './helpers/fixtures'
import { Runner } from '../../src/runner'

function safetensors(header: unknown, data: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header))
  const out = new Uint8Array(8 + json.length + data.length)
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true)
  out.set(json, 8)
  out.set(data, 8 + json.length)
  return out
}

describe('hostile files', () => {
  it('20,000 safetensors tensors whose data_offsets all overlap: listed as they lie, quickly', () => {
    const header: Record<string, unknown> = {}
    for (let i = 0; i < 20_000; i++) header[`t${i}`] = { dtype: 'F32', shape: [4], data_offsets: [0, 16] }
    const d = describeSafetensorsBytes(safetensors(header, new Uint8Array(16)))
    expect(d.entries).toHaveLength(20_000)
    const t0 = d.entries.find((e) => e.name === 't0')!
    expect(t0.sharesWith).toHaveLength(MAX_SHARES_LISTED)
    expect(t0.sharesWith.length + (t0.sharesWithMore ?? 0)).toBe(19_999)
    expect(formatTable(d)).toContain(`+${19_999 - MAX_SHARES_LISTED} more`)
  })

  it('150,000 tensors in one safetensors header: listed, and printed by inspect (no spread of more rows than a call takes)', () => {
    const header: Record<string, unknown> = {}
    for (let i = 0; i < 150_000; i++) header[`t${i}`] = { dtype: 'U8', shape: [0], data_offsets: [0, 0] }
    const d = describeSafetensorsBytes(safetensors(header, new Uint8Array(0)))
    expect(d.entries).toHaveLength(150_000)
    const table = formatTable(d)
    expect(table.split('\n').filter((l) => /^t\d+ /.test(l))).toHaveLength(150_000)
  })

  it('20,000 tensors on one .pt storage (views at every offset) describe in n log n', () => {
    const n = 20_000
    const storage = { key: '0', type: 'FloatStorage', numel: n + 3, bytes: f32Bytes(new Array(n + 3).fill(0)) }
    const dict: Array<[string, { tensor: { storage: string; offset: number; size: number[]; stride: number[] } }]> = []
    for (let i = 0; i < n; i++) dict.push([`t${i}`, { tensor: { storage: '0', offset: i, size: [4], stride: [1] } }])
    const r = describeTorchBytes(torchSave({ dict }, [storage]))
    expect(r.description.entries).toHaveLength(n)
    // t5 covers elements 5..8: t2..t4 before it and t6..t8 after it share bytes with it.
    const t5 = r.description.entries.find((e) => e.name === 't5')!
    expect(t5.sharesWith).toEqual(['t2', 't3', 't4', 't6', 't7', 't8'])
    expect(t5.sharesWithMore).toBeUndefined()
  })

  it('sharing stays exact for strided views that interleave without touching', () => {
    const base = { itemsize: 4, dtype: 'float32', dtypeText: '<f4', storageKey: 's', byteOrder: '<', fortranOrder: false, readOnly: false, requiresGrad: false, sharesWith: [] as string[] }
    const even = { ...base, name: 'even', shape: [4], strides: [8], byteOffset: 0 }
    const odd = { ...base, name: 'odd', shape: [4], strides: [8], byteOffset: 4 }
    const all = { ...base, name: 'all', shape: [8], strides: [4], byteOffset: 0 }
    const entries = [even, odd, all] as unknown as Parameters<typeof computeSharing>[0]
    computeSharing(entries)
    expect(entries.map((e) => e.sharesWith)).toEqual([['all'], ['all'], ['even', 'odd']])
  })

  it('a .pt whose pickle builds a 60-level DAG of lists (l[k+1] = [l[k], l[k]]) is never walked exponentially', () => {
    const w = new PickleWriter()
    w.emptyDict()
    w.put()
    w.str('x')
    // As pickle writes l[60]: each list inline the first time it appears, by memo (GET) after.
    const emit = (k: number): number => {
      w.emptyList()
      const m = w.put()
      if (k > 0) {
        w.mark()
        w.get(emit(k - 1)) // the inline l[k-1] stays on the stack; GET pushes it again
        w.appends()
      }
      return m
    }
    emit(60)
    w.op(0x73) // SETITEM: {'x': l[60]}
    const r = describeTorchBytes(torchZip(w.stop(), []))
    expect(r.description.entries).toHaveLength(0)
  })

  it('a safetensors header over the library\'s 100 MB cap is refused before it is read', () => {
    const dir = tmpDir()
    const f = path.join(dir, 'big-header.safetensors')
    const head = new Uint8Array(8)
    new DataView(head.buffer).setBigUint64(0, 100_000_001n, true)
    fs.writeFileSync(f, head)
    expect(() => openTensorFile(f)).toThrow(/HeaderTooLarge/)
  })

  it('np.load of a FIFO (or any file that is not a regular one) is refused, never waited on', () => {
    const dir = tmpDir()
    const fifo = path.join(dir, 'pipe.npy')
    try {
      require('node:child_process').execFileSync('mkfifo', [fifo])
    } catch {
      console.log('[hostile-files] skip FIFO: mkfifo is not available here')
      return
    }
    expect(() => openTensorFile(fifo)).toThrow(/is not a regular file \(a FIFO, socket or device\): refusing to read it/)
    expect(() => openTensorFile(dir)).toThrow(/Is a directory/)
    const res = new Runner().run(`import numpy as np\nkeep = np.arange(3)\nx = np.load(${JSON.stringify(fifo)})\n`)
    expect(res.error?.type).toBe('OSError')
  })

  it('a memory-mapped .npy shrunk on disk: OSError for the op that reads past its new end, never SIGBUS; the session goes on', () => {
    const f = path.join(tmpDir(), 'shrinks.npy')
    const r = new Runner()
    expect(r.run(`import numpy as np\nnp.save(${JSON.stringify(f)}, np.ones(1 << 20))\nm = np.load(${JSON.stringify(f)}, mmap_mode='r')\nkeep = np.arange(3)\nprint(m[:2])`).stdout).toBe('[1. 1.]\n')
    fs.truncateSync(f, 4096)
    const res = r.run('print(m.sum())')
    expect(res.error?.type).toBe('OSError')
    expect(res.error?.message).toMatch(/^\[Errno 7\] Bus error: a memory-mapped file shrank on disk/)
    expect(r.run('print(keep.sum())').stdout).toBe('3\n')
  })
})
