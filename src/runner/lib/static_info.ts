// What never changes for an engine object, read once per object: the wrappers and the
// operation records both need it, so it lives apart from either.
import type { EngineObject } from '../../engine'
import type { DTypeName } from '../../engine/types'

/** Read once: ObjectInfo costs a native round trip. */
export interface StaticInfo { id: number; kind: 'ndarray' | 'tensor'; dtype: DTypeName; shape: number[]; numel: number; baseId: number | null }
const staticInfos = new WeakMap<EngineObject, StaticInfo>()
export function staticInfo(obj: EngineObject): StaticInfo {
  let s = staticInfos.get(obj)
  if (!s) {
    const i = obj.info()
    s = { id: i.id, kind: i.kind, dtype: i.dtype, shape: i.shape, numel: i.numel, baseId: i.baseId }
    staticInfos.set(obj, s)
  }
  return s
}
