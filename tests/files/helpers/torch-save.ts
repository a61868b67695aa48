// Builds torch.save-format zip files for tests, following torch/serialization.py _save:
// data.pkl with persistent ids ('storage', <StorageType>, key, location, numel) and
// torch._utils._rebuild_tensor_v2 calls, plus data/<key>, byteorder and version records.
import { zipSync } from 'fflate'
import { PickleWriter } from './pickle-writer'

export interface StorageSpec { key: string; type: string; numel: number; location?: string; bytes: Uint8Array }
export interface TensorSpec { tensor: { storage: string; offset: number; size: number[]; stride: number[]; requiresGrad?: boolean; parameter?: boolean } }
export type ObjSpec =
  | TensorSpec
  | { ordered: Array<[string, ObjSpec]> }
  | { dict: Array<[string | number, ObjSpec]> }
  | { list: ObjSpec[] }
  | { global: [string, string] }
  | number | string | boolean | null

export function picklePt(root: ObjSpec, storages: StorageSpec[]): Uint8Array {
  const w = new PickleWriter()
  const storageMemo = new Map<string, number>()
  const byKey = new Map(storages.map((s) => [s.key, s]))
  const emit = (o: ObjSpec): void => {
    if (o === null) { w.none(); return }
    if (typeof o === 'number') { w.int(o); return }
    if (typeof o === 'string') { w.str(o); return }
    if (typeof o === 'boolean') { w.bool(o); return }
    if ('tensor' in o) {
      const t = o.tensor
      if (t.parameter) w.global('torch._utils', '_rebuild_parameter')
      w.global('torch._utils', '_rebuild_tensor_v2')
      w.mark()
      const memo = storageMemo.get(t.storage)
      if (memo !== undefined) w.get(memo)
      else {
        const s = byKey.get(t.storage)!
        w.mark().str('storage').global('torch', s.type).str(s.key).str(s.location ?? 'cpu').int(s.numel).tuple(5).persid()
        storageMemo.set(t.storage, w.put())
      }
      w.int(t.offset)
      w.mark(); for (const d of t.size) w.int(d); w.tuple(-1)
      w.mark(); for (const d of t.stride) w.int(d); w.tuple(-1)
      w.bool(t.requiresGrad === true && !t.parameter)
      w.global('collections', 'OrderedDict').tuple(0).reduce()
      w.tuple(-1).reduce()
      if (t.parameter) {
        w.bool(t.requiresGrad !== false).global('collections', 'OrderedDict').tuple(0).reduce().tuple(3).reduce()
      }
      return
    }
    if ('global' in o) { w.global(o.global[0], o.global[1]); return }
    if ('list' in o) { w.emptyList(); w.put(); w.mark(); o.list.forEach(emit); w.appends(); return }
    if ('dict' in o || 'ordered' in o) {
      const items: Array<[string | number, ObjSpec]> = 'dict' in o ? o.dict : o.ordered
      if ('ordered' in o) w.global('collections', 'OrderedDict').tuple(0).reduce()
      else w.emptyDict()
      w.put()
      w.mark()
      for (const [k, v] of items) { if (typeof k === 'number') w.int(k); else w.str(k); emit(v) }
      w.setitems()
    }
  }
  emit(root)
  return w.stop()
}

export function torchZip(pkl: Uint8Array, storages: StorageSpec[], opts: { prefix?: string; byteorder?: string | null } = {}): Uint8Array {
  const prefix = opts.prefix ?? 'archive'
  const files: Record<string, [Uint8Array, { level: 0 }]> = {}
  files[`${prefix}/data.pkl`] = [pkl, { level: 0 }]
  if (opts.byteorder !== null) files[`${prefix}/byteorder`] = [new TextEncoder().encode(opts.byteorder ?? 'little'), { level: 0 }]
  for (const s of storages) files[`${prefix}/data/${s.key}`] = [s.bytes, { level: 0 }]
  files[`${prefix}/version`] = [new TextEncoder().encode('3\n'), { level: 0 }]
  return zipSync(files)
}

export function torchSave(root: ObjSpec, storages: StorageSpec[], opts: { prefix?: string; byteorder?: string | null } = {}): Uint8Array {
  return torchZip(picklePt(root, storages), storages, opts)
}

export function f32Bytes(values: number[]): Uint8Array {
  return new Uint8Array(Float32Array.from(values).buffer)
}
