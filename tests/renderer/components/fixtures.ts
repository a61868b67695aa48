// A workspace as the session sends it (plain data), for component tests:
// a = np.arange(12, dtype=np.float32).reshape(3, 4); t = torch.from_numpy(a); b = t.T; g on the simulated cuda:0.
import type { ObjectEntry, ObjectInfo, StorageInfo, Workspace } from '../../../src/renderer/src/model/types'

const cpu = (id: number, ptr: string, nbytes: number): StorageInfo => ({ id, device: 'cpu', simulated: false, pinned: false, nbytes, dataPtr: ptr, resizable: false })

function info(id: number, kind: 'ndarray' | 'tensor', shape: number[], strides: number[], storage: StorageInfo, extra: Partial<ObjectInfo> = {}): ObjectInfo {
  const numel = shape.reduce((a, b) => a * b, 1)
  return {
    id, kind, dtype: 'float32', itemsize: 4, shape, strides, byteStrides: strides.map((s) => s * 4), offset: 0, byteOffset: 0,
    numel, nbytes: numel * 4, dataPtr: storage.dataPtr, device: storage.device, storage,
    flags: { cContiguous: strides[strides.length - 1] === 1, fContiguous: false, writeable: true, ownsData: kind === 'ndarray', aligned: true },
    requiresGrad: false, baseId: null, byteOrder: '=', conj: false, neg: false, ...extra
  }
}

const sa = cpu(1, '140000000000000', 48)
const st = cpu(2, '140000000000000', 48)
const sg: StorageInfo = { id: 3, device: 'cuda:0', simulated: true, pinned: false, nbytes: 24, dataPtr: '150000000000000', resizable: true }

export const objects: ObjectEntry[] = [
  { names: ['a'], info: info(1, 'ndarray', [3, 4], [4, 1], sa) },
  { names: ['t'], info: info(2, 'tensor', [3, 4], [4, 1], st) },
  { names: ['b'], info: info(3, 'tensor', [4, 3], [1, 4], st) },
  { names: ['g'], info: info(4, 'tensor', [2, 3], [3, 1], sg) }
]

export const workspace: Workspace = {
  revision: 7,
  objects,
  // As src/session/workspace-view.ts describes them: a and t share bytes (from_numpy).
  storages: [
    { info: sa, objectIds: [1], overlaps: [2] },
    { info: st, objectIds: [2, 3], overlaps: [1] },
    { info: sg, objectIds: [4], overlaps: [] }
  ],
  memoryBlocks: [
    { device: 'cpu', base: sa.dataPtr, nbytes: 48, storageIds: [1, 2], objectIds: [1, 2, 3] },
    { device: 'cuda:0', base: sg.dataPtr, nbytes: 24, storageIds: [3], objectIds: [4] }
  ],
  ops: [
    { seq: 0, historySeq: 1, line: 't = torch.from_numpy(a)', lineNo: 1, op: 'from_numpy', copied: false, bytes: 0, kernel: 'view', seconds: 1e-6, time: 0, resultId: 2, inputIds: [1] },
    { seq: 1, historySeq: 2, line: 'c = b.contiguous()', lineNo: 1, op: 'contiguous', copied: true, bytes: 48, kernel: 'transpose-avx2-8x8', reason: 'non-contiguous source', seconds: 2e-6, time: 0, resultId: 99, inputIds: [3] },
    { seq: 2, historySeq: 3, line: "g = t.to('cuda:0')", lineNo: 1, op: 'to', copied: true, bytes: 48, kernel: 'cudaMemcpy H2D', seconds: 3e-5, time: 0, transfer: { from: 'cpu', to: 'cuda:0', pinned: false } }
  ],
  opsTotal: 3,
  history: [{ seq: 0, code: 'import numpy as np\nimport torch', ok: true, seconds: 0, time: 0 }],
  devices: [
    { name: 'cpu', type: 'cpu', index: null, simulated: false, label: 'cpu' },
    { name: 'cuda:0', type: 'cuda', index: 0, simulated: true, label: 'cuda:0 (simulated)' }
  ],
  simulateCuda: true
}
