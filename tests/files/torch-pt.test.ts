import { describe, expect, it } from 'vitest'
import { describeTorchBytes, weightsOnlyMessage } from '../../src/files/torch-pt'
import { readEntryValues } from '../../src/files/element-values'
import { FileFormatError } from '../../src/files/errors'
import { PickleWriter } from './helpers/pickle-writer'
import { f32Bytes, picklePt, torchSave, torchZip, type StorageSpec } from './helpers/torch-save'

function pyErr(fn: () => unknown): FileFormatError {
  try { fn() } catch (e) { expect(e).toBeInstanceOf(FileFormatError); return e as FileFormatError }
  throw new Error('expected an error')
}

const big: StorageSpec = { key: '0', type: 'FloatStorage', numel: 1000, bytes: f32Bytes(Array.from({ length: 1000 }, (_, i) => i)) }

describe('torch.save checkpoints', () => {
  it('reads a state_dict of tensors with their storages, offsets and strides', () => {
    const w: StorageSpec = { key: '0', type: 'FloatStorage', numel: 6, bytes: f32Bytes([0, 1, 2, 3, 4, 5]) }
    const b: StorageSpec = { key: '1', type: 'LongStorage', numel: 2, bytes: new Uint8Array(new BigInt64Array([7n, -8n]).buffer) }
    const bytes = torchSave({ ordered: [
      ['layer.weight', { tensor: { storage: '0', offset: 0, size: [2, 3], stride: [3, 1] } }],
      ['layer.weight_t', { tensor: { storage: '0', offset: 0, size: [3, 2], stride: [1, 3] } }],
      ['layer.bias', { tensor: { storage: '1', offset: 0, size: [2], stride: [1], parameter: true } }],
    ] }, [w, b])
    const { description: d } = describeTorchBytes(bytes)
    expect(d.format).toBe('pt')
    expect(d.metadata).toMatchObject({ archive: 'archive', byteorder: 'little', version: '3' })
    const [wt, wtT, bias] = d.entries
    expect(wt).toMatchObject({ name: 'layer.weight', dtype: 'float32', dtypeText: 'FloatStorage', shape: [2, 3], strides: [12, 4], byteOffset: 0, storageKey: '0' })
    expect(wtT).toMatchObject({ shape: [3, 2], strides: [4, 12] })
    expect(wt.sharesWith).toEqual(['layer.weight_t'])
    expect(bias).toMatchObject({ dtype: 'int64', requiresGrad: true, sharesWith: [] })
    const s0 = d.storages.find((s) => s.key === '0')!
    expect(readEntryValues(wtT, s0)).toEqual([0, 3, 1, 4, 2, 5])
    expect(readEntryValues(bias, d.storages.find((s) => s.key === '1')!)).toEqual([7n, -8n])
  })

  it('a small view of a huge storage keeps the whole storage (why the file is big)', () => {
    const bytes = torchSave({ dict: [['small', { tensor: { storage: '0', offset: 500, size: [2, 2], stride: [10, 1] } }], ['step', 3]] }, [big])
    const { description: d, root } = describeTorchBytes(bytes)
    expect(d.entries).toHaveLength(1)
    expect(d.entries[0]).toMatchObject({ name: 'small', byteOffset: 2000, strides: [40, 4], shape: [2, 2] })
    expect(d.storages[0].nbytes).toBe(4000)
    expect(readEntryValues(d.entries[0], d.storages[0])).toEqual([500, 501, 510, 511])
    expect(root).toBeDefined()
  })

  it('nested containers name tensors by path; the storage is unpickled once', () => {
    const t = { tensor: { storage: '0', offset: 0, size: [2], stride: [1] } }
    const bytes = torchSave({ dict: [['model', { ordered: [['w', t]] }], ['hist', { list: [t, 5, 'x', null] }], [3, t]] }, [big])
    const { description: d } = describeTorchBytes(bytes)
    expect(d.entries.map((e) => e.name)).toEqual(['model.w', 'hist.0', '3'])
    expect(d.storages).toHaveLength(1)
    expect(d.entries[0].sharesWith).toEqual(['hist.0', '3'])
  })

  it('a bare tensor at the root, under any archive name, big-endian marked', () => {
    const s: StorageSpec = { key: '7', type: 'DoubleStorage', numel: 1, bytes: Uint8Array.of(0x3f, 0xf8, 0, 0, 0, 0, 0, 0) }
    const bytes = torchSave({ tensor: { storage: '7', offset: 0, size: [], stride: [] } }, [s], { prefix: 'my_ckpt', byteorder: 'big' })
    const { description: d } = describeTorchBytes(bytes)
    expect(d.entries[0]).toMatchObject({ name: 'tensor', byteOrder: '>', shape: [] })
    expect(readEntryValues(d.entries[0], d.storages[0])).toEqual([1.5])
    expect(d.warnings.join()).toMatch(/byte-swaps/)
  })

  it('refuses other globals with torch\'s weights_only message, executing nothing', () => {
    const bytes = torchSave({ dict: [['x', { global: ['os', 'system'] }]] }, [])
    const e = pyErr(() => describeTorchBytes(bytes))
    expect(e.pyType).toBe('UnpicklingError')
    expect(e.message).toContain('Trying to load unsupported GLOBAL os.system whose module os is blocked.')
    const e2 = pyErr(() => describeTorchBytes(torchSave({ dict: [['x', { global: ['builtins', 'eval'] }]] }, [])))
    expect(e2.message).toContain('WeightsUnpickler error: Unsupported global: GLOBAL eval was not an allowed global by default. ' +
      'Please use `torch.serialization.add_safe_globals([eval])` or the `torch.serialization.safe_globals([eval])` context manager to allowlist this global if you trust this class/function.')
    expect(e2.message.startsWith('Weights only load failed. This file can still be loaded')).toBe(true)
    const e3 = pyErr(() => describeTorchBytes(torchSave({ dict: [['x', { global: ['__main__', 'MyModel'] }]] }, [])))
    expect(e3.message).toContain('GLOBAL __main__.MyModel was not an allowed global')
  })

  it('refuses opcodes torch\'s weights-only unpickler does not know', () => {
    const w = new PickleWriter().op(0x8c, 1, 0x61) // SHORT_BINUNICODE (protocol 4)
    const e = pyErr(() => describeTorchBytes(torchZip(w.stop(), [])))
    expect(e.message).toContain('WeightsUnpickler error: Unsupported operand 140')
  })

  it('checks every tensor against its storage as set_ does', () => {
    const bytes = torchSave({ tensor: { storage: '0', offset: 999, size: [2], stride: [1] } }, [big])
    expect(pyErr(() => describeTorchBytes(bytes)).message).toBe(
      'setStorage: sizes [2], strides [1], storage offset 999, and itemsize 4 requiring a storage size of 4004 are out of bounds for storage of size 4000')
  })

  it('storage records that are missing or shorter than claimed', () => {
    const lying: StorageSpec = { ...big, bytes: big.bytes.subarray(0, 100) }
    expect(pyErr(() => describeTorchBytes(torchSave({ tensor: { storage: '0', offset: 0, size: [1], stride: [1] } }, [lying]))).message).toMatch(/holds 100 bytes/)
    const pkl = picklePt({ tensor: { storage: '0', offset: 0, size: [1], stride: [1] } }, [big])
    const e = pyErr(() => describeTorchBytes(torchZip(pkl, [])))
    expect([e.pyType, e.message]).toEqual(['RuntimeError', 'PytorchStreamReader failed locating file data/0: file not found'])
  })

  it('not a zip: torch\'s error, and legacy files named as such', () => {
    const e = pyErr(() => describeTorchBytes(new Uint8Array(100)))
    expect([e.pyType, e.message]).toEqual(['RuntimeError', 'PytorchStreamReader failed reading zip archive: failed finding central directory'])
    expect(pyErr(() => describeTorchBytes(Uint8Array.of(0x80, 0x02, 0x8a, 10, ...new Array(40).fill(0)))).pyType).toBe('NotImplementedError')
  })

  it('a self-referencing list neither hangs nor recurses forever', () => {
    const w = new PickleWriter()
    w.emptyList(); const i = w.put(); w.mark().get(i).get(i).appends()
    const { description: d } = describeTorchBytes(torchZip(w.stop(), []))
    expect(d.entries).toEqual([])
  })

  it('wraps messages the way torch.load does', () => {
    expect(weightsOnlyMessage('Unsupported operand 140')).toMatch(/^Weights only load failed\. Re-running `torch.load`.*\nPlease file an issue/s)
  })

  it('_rebuild_tensor_v3: an UntypedStorage read as a dtype without a legacy storage class', () => {
    // torch.save of a uint16 tensor: storage ('storage', torch.UntypedStorage, '0', 'cpu', nbytes),
    // rebuilt with _rebuild_tensor_v3(storage, offset, size, stride, requires_grad, hooks, torch.uint16).
    const w = new PickleWriter()
    w.global('torch._utils', '_rebuild_tensor_v3').mark()
    w.mark().str('storage').global('torch', 'UntypedStorage').str('0').str('cpu').int(8).tuple(-1).persid()
    w.int(1).mark().int(3).tuple(-1).mark().int(1).tuple(-1).bool(false)
    w.global('collections', 'OrderedDict').tuple(0).reduce()
    w.global('torch', 'uint16').tuple(-1).reduce()
    const storage = { key: '0', type: 'UntypedStorage', numel: 8, bytes: new Uint8Array(new Uint16Array([1, 2, 65535, 4]).buffer) }
    const { description: d } = describeTorchBytes(torchZip(w.stop(), [storage]))
    expect(d.entries[0]).toMatchObject({ dtype: 'uint16', dtypeText: 'torch.uint16', byteOffset: 2, strides: [2], shape: [3] })
    expect(d.storages[0].nbytes).toBe(8)
    expect(readEntryValues(d.entries[0], d.storages[0])).toEqual([2, 65535, 4])
  })

  it('large stored records stay on disk as lazy slices', () => {
    const bytes = torchSave({ tensor: { storage: '0', offset: 0, size: [1000], stride: [1] } }, [big])
    const { description: d } = describeTorchBytes(bytes, { lazyStoredBytes: 1000 })
    expect(d.storages[0].lazy).toBe(true)
    expect(readEntryValues(d.entries[0], d.storages[0], 3)).toEqual([0, 1, 2])
  })

  it('reads the exact opcode stream torch.save writes for {\'a\': torch.arange(3.)}', () => {
    // pickletools.dis of that data.pkl (protocol 2), transcribed opcode by opcode.
    const enc = (t: string) => Array.from(new TextEncoder().encode(t))
    const uni = (t: string) => [0x58, t.length, 0, 0, 0, ...enc(t)]
    const pkl = Uint8Array.from([
      0x80, 2, 0x7d, 0x71, 0, ...uni('a'), 0x71, 1,
      0x63, ...enc('torch._utils\n_rebuild_tensor_v2\n'), 0x71, 2,
      0x28, 0x28, ...uni('storage'), 0x71, 3, 0x63, ...enc('torch\nFloatStorage\n'), 0x71, 4,
      ...uni('0'), 0x71, 5, ...uni('cpu'), 0x71, 6, 0x4b, 3, 0x74, 0x71, 7, 0x51,
      0x4b, 0, 0x4b, 3, 0x85, 0x71, 8, 0x4b, 1, 0x85, 0x71, 9, 0x89,
      0x63, ...enc('collections\nOrderedDict\n'), 0x71, 10, 0x29, 0x52, 0x71, 11,
      0x74, 0x71, 12, 0x52, 0x71, 13, 0x73, 0x2e,
    ])
    const storage = { key: '0', type: 'FloatStorage', numel: 3, bytes: f32Bytes([0, 1, 2]) }
    const { description: d } = describeTorchBytes(torchZip(pkl, [storage]))
    expect(d.entries).toHaveLength(1)
    expect(d.entries[0]).toMatchObject({ name: 'a', dtype: 'float32', shape: [3], strides: [4], byteOffset: 0, storageKey: '0', requiresGrad: false })
    expect(readEntryValues(d.entries[0], d.storages[0])).toEqual([0, 1, 2])
  })
})
