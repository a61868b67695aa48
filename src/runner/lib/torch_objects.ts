// torch.Size, torch.device and the untyped storage object, printed as PyTorch prints them.
import { PyObject, PyClass, PyTuple, PyBuiltin, BUILTIN_TYPES, NOT_IMPLEMENTED, type PyValue } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { strRepr } from '../interp/repr'
import { typeName, equals, iterate } from '../interp/ops'
import { bindArgs } from '../interp/args'
import { intArg } from './argparse'
import type { StorageInfo } from '../../engine/types'

export const SIZE_CLASS = new PyClass('Size', BUILTIN_TYPES.tuple, 'torch')

/** torch.Size is a tuple subclass: `torch.Size([2, 3])`. */
export class TorchSize extends PyTuple {
  get pyClass() { return SIZE_CLASS }
  repr() { return `torch.Size([${this.items.map(String).join(', ')}])` }
  derived(items: readonly PyValue[]): PyTuple { return new TorchSize(items) }
  getattr(name: string): PyValue | undefined {
    // Size.numel(): the product of the sizes (torch/csrc/Size.cpp THPSize_numel).
    if (name === 'numel') return new PyBuiltin('numel', (a, kw) => { bindArgs('numel', [], a, kw); return this.items.reduce<bigint>((x, y) => x * (y as bigint), 1n) }, this)
    return undefined
  }
}
SIZE_CLASS.ctor = (args) => new TorchSize(args.length ? [...iterate(args[0])] : [])

export const DEVICE_CLASS = new PyClass('device', BUILTIN_TYPES.object, 'torch')

export class TorchDevice extends PyObject {
  constructor(readonly type: string, readonly index: number | null) { super() }
  get pyClass() { return DEVICE_CLASS }
  /** 'cpu', 'cuda:0' */
  get name(): string { return this.index === null ? this.type : `${this.type}:${this.index}` }
  repr() { return this.index === null ? `device(type=${strRepr(this.type)})` : `device(type=${strRepr(this.type)}, index=${this.index})` }
  str() { return this.name }
  hashKey() { return 'device:' + this.name }
  getattr(name: string): PyValue | undefined {
    if (name === 'type') return this.type
    if (name === 'index') return this.index === null ? null : BigInt(this.index)
    return undefined
  }
  compare(op: string, other: PyValue): PyValue | typeof NOT_IMPLEMENTED {
    if (op !== '==' && op !== '!=') return NOT_IMPLEMENTED
    const same: boolean = other instanceof TorchDevice && other.name === this.name
    return op === '==' ? same : !same
  }
}

const DEVICE_TYPES = ['cpu', 'cuda', 'mps', 'xpu', 'meta']

/** torch.device('cuda:0') / torch.device('cuda', 0) / a device string argument. */
export function parseDevice(v: PyValue, index?: PyValue): TorchDevice {
  if (v instanceof TorchDevice) return v
  if (typeof v === 'bigint') return new TorchDevice('cuda', Number(v))
  if (typeof v !== 'string') throw pyErr('TypeError', `device() received an invalid combination of arguments - got (${typeName(v)})`)
  const m = /^([a-z]+)(?::(\d+))?$/.exec(v)
  if (!m || !DEVICE_TYPES.includes(m[1])) {
    throw pyErr('RuntimeError', `Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: ${v}`)
  }
  let idx = m[2] !== undefined ? Number(m[2]) : null
  if (index !== undefined && index !== null) {
    if (idx !== null) throw pyErr('RuntimeError', `type (string) must not include an index because index was passed explicitly: ${v}`)
    idx = intArg(index)
  }
  return new TorchDevice(m[1], idx)
}

/** The engine's device string ('cpu', 'cuda:0') as a torch.device. */
export function deviceOf(name: string): TorchDevice {
  const [type, idx] = name.split(':')
  return new TorchDevice(type, idx === undefined ? null : Number(idx))
}

export const STORAGE_CLASS = new PyClass('UntypedStorage', BUILTIN_TYPES.object, 'torch')

/** `t.untyped_storage()`: its base address and size in bytes. */
export class TorchStorage extends PyObject {
  constructor(readonly info: StorageInfo) { super() }
  get pyClass() { return STORAGE_CLASS }
  /** torch/csrc/Storage.cpp THPStorage_length (UntypedStorage's len()): the size in bytes. */
  len(): number { return this.info.nbytes }
  getattr(name: string): PyValue | undefined {
    const m = (f: () => PyValue) => new PyBuiltin(name, (a, kw) => { bindArgs(name, [], a, kw); return f() }, this)
    switch (name) {
      case 'data_ptr': return m(() => BigInt(this.info.dataPtr))
      case 'nbytes': return m(() => BigInt(this.info.nbytes))
      case 'size': return m(() => BigInt(this.info.nbytes))
      case 'element_size': return m(() => 1n)
      case 'device': return deviceOf(this.info.device)
      case 'is_pinned': return m(() => this.info.pinned)
      case 'resizable': return m(() => this.info.resizable)
    }
    return undefined
  }
  compare(op: string, other: PyValue): PyValue | typeof NOT_IMPLEMENTED {
    if (op !== '==' && op !== '!=') return NOT_IMPLEMENTED
    const same: boolean = other === this || (other instanceof TorchStorage && equals(other.info.dataPtr, this.info.dataPtr))
    return op === '==' ? same : !same
  }
}
