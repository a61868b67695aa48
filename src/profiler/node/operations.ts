// The operations a sweep can time, each as the Python line it stands for, the
// operand shape for a size, how to prepare its inputs through the engine API, and
// NumPy's equivalents live in numpy_timing.py, keyed by the same ids. All operands
// are float32, filled with ones so every page is touched before timing.
import * as engine from '../../engine'
import type { EngineObject } from '../../engine'
import { pinMemory, toCpu, toCpuNonBlocking, toCuda } from './device-moves'
import { shape1d, shape2d, shapeNchw } from '../sizes'
import type { OpKind, SweepOpId } from '../types'

export const SWEEP_DTYPE = 'float32'
export const SWEEP_ITEMSIZE = 4
const ITEMSIZE = SWEEP_ITEMSIZE

/** Inputs made once per (op, size); `run` does the timed operation once. */
export interface PreparedOp {
  run(): EngineObject
  inputs: EngineObject[]
}

export interface SweepOperation {
  id: SweepOpId
  label: string            // the Python line
  needsCuda: boolean
  kind: OpKind             // what the op is (the engine's report decides the row's kind)
  shape(bytes: number): number[]
  prepare(shape: number[]): PreparedOp
}

const ones = (kind: engine.Kind, shape: number[]) => engine.ones(kind, shape, SWEEP_DTYPE)

/** The one list of sweep operations, in the order tables show them. */
export const SWEEP_OPERATIONS: readonly SweepOperation[] = [
  {
    id: 'from_numpy', kind: 'conversion', label: 't = torch.from_numpy(a)', needsCuda: false, shape: (b) => shape1d(b, ITEMSIZE),
    prepare(shape) { const a = ones('ndarray', shape); return { inputs: [a], run: () => engine.fromNumpy(a) } },
  },
  {
    id: 'numpy', kind: 'conversion', label: 'a = t.numpy()', needsCuda: false, shape: (b) => shape1d(b, ITEMSIZE),
    prepare(shape) { const t = ones('tensor', shape); return { inputs: [t], run: () => t.numpy() } },
  },
  {
    id: 'tensor', kind: 'conversion', label: 't = torch.tensor(a)', needsCuda: false, shape: (b) => shape1d(b, ITEMSIZE),
    prepare(shape) { const a = ones('ndarray', shape); return { inputs: [a], run: () => engine.tensor(a) } },
  },
  {
    id: 'clone', kind: 'copy', label: 'y = t.clone()', needsCuda: false, shape: (b) => shape1d(b, ITEMSIZE),
    prepare(shape) { const t = ones('tensor', shape); return { inputs: [t], run: () => t.clone() } },
  },
  {
    id: 'contiguous_T', kind: 'copy', label: 'y = t.T.contiguous()', needsCuda: false, shape: (b) => shape2d(b, ITEMSIZE),
    prepare(shape) {
      const t = ones('tensor', shape)
      const v = t.T
      return { inputs: [v, t], run: () => v.contiguous() }
    },
  },
  {
    id: 'contiguous_permute', kind: 'copy', label: 'y = t.permute(0, 2, 3, 1).contiguous()', needsCuda: false,
    shape: (b) => shapeNchw(b, ITEMSIZE),
    prepare(shape) {
      const t = ones('tensor', shape)
      const v = t.permute([0, 2, 3, 1])
      return { inputs: [v, t], run: () => v.contiguous() }
    },
  },
  {
    id: 'cuda_pageable', kind: 'transfer', label: 'y = t.cuda()', needsCuda: true, shape: (b) => shape1d(b, ITEMSIZE),
    prepare(shape) { const t = ones('tensor', shape); return { inputs: [t], run: () => toCuda(t) } },
  },
  {
    id: 'cuda_pinned', kind: 'transfer', label: 'y = p.cuda()  # p = t.pin_memory()', needsCuda: true, shape: (b) => shape1d(b, ITEMSIZE),
    prepare(shape) {
      const t = ones('tensor', shape)
      const p = pinMemory(t)
      return { inputs: [p, t], run: () => toCuda(p) }
    },
  },
  {
    id: 'cpu', kind: 'transfer', label: 'y = d.cpu()  # d on cuda:0', needsCuda: true, shape: (b) => shape1d(b, ITEMSIZE),
    prepare(shape) {
      const t = ones('tensor', shape)
      const d = toCuda(t)
      return { inputs: [d, t], run: () => toCpu(d) }
    },
  },
  {
    id: 'cpu_non_blocking', kind: 'transfer', label: "y = d.to('cpu', non_blocking=True)  # pinned result", needsCuda: true,
    shape: (b) => shape1d(b, ITEMSIZE),
    prepare(shape) {
      const t = ones('tensor', shape)
      const d = toCuda(t)
      return { inputs: [d, t], run: () => toCpuNonBlocking(d) }
    },
  },
]

export const SWEEP_OP_IDS: readonly SweepOpId[] = SWEEP_OPERATIONS.map((o) => o.id)

export function sweepOperation(id: string): SweepOperation {
  const op = SWEEP_OPERATIONS.find((o) => o.id === id)
  if (!op) throw new Error(`unknown operation '${id}' (one of: ${SWEEP_OP_IDS.join(', ')})`)
  return op
}
