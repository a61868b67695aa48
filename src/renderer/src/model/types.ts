// Renderer-side names for the contract's plain data (src/shared/protocol.ts is
// the one source; src/engine/types.ts the engine's). Nothing here is new data.
export type {
  ObjectInfo, StorageInfo, ObjectEntry, StorageEntry, MemoryBlockEntry, OpRecord, PyErrorInfo, HistoryEntry, DeviceInfo,
  Workspace, ValuesWindow, Progress, RunResult, WireValue
} from '../../../shared/protocol'
export type { DTypeName, Kind } from '../../../engine/types'

import type { ObjectEntry, Workspace } from '../../../shared/protocol'

/** The name the UI uses for an object: the first Python name bound to it. */
export function primaryName(o: ObjectEntry): string {
  return o.names[0] ?? `#${o.info.id}`
}

export const emptyWorkspace: Workspace = {
  revision: 0, objects: [], storages: [], memoryBlocks: [], ops: [], opsTotal: 0, history: [],
  devices: [{ name: 'cpu', type: 'cpu', index: null, simulated: false, label: 'cpu' }], simulateCuda: false
}

/** The dtype as the object's library prints it (attached objects may have dtypes the engine has no name for). */
export function dtypeText(o: ObjectEntry): string {
  return o.origin?.dtypeText ?? o.info.dtype
}
