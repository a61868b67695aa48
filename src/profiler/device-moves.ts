// Device moves for sweeps: t.cuda(), t.cpu(), t.to('cpu', non_blocking=True),
// t.pin_memory(), and switching on the simulated cuda:0.
// NOTE: src/engine (the typed API) has no device moves yet; until it has, this
// adapter calls the addon's device ops directly (native/binding/device_binding.cc:
// cuda(h, device, nonBlocking), cpu(h), toDevice(h, device, nonBlocking, copy),
// pinMemory(h), cudaStatus(), setSimulateCuda(on)). It is the only file in
// src/profiler that touches a native handle; switch it to EngineObject methods
// when they exist.
import { EngineObject, loadAddon } from '../engine'
import type { NativeHandle } from '../engine/native'

interface DeviceAddon {
  cudaStatus?(): { available: boolean; deviceCount: number; simulated: boolean; reason: string }
  setSimulateCuda?(on: boolean, force?: boolean): unknown
  cuda?(h: NativeHandle, device: string | number | null, nonBlocking: boolean): NativeHandle
  cpu?(h: NativeHandle): NativeHandle
  toDevice?(h: NativeHandle, device: string, nonBlocking: boolean, copy: boolean): NativeHandle
  pinMemory?(h: NativeHandle): NativeHandle
}

const addon = () => loadAddon() as unknown as DeviceAddon

export interface CudaState {
  usable: boolean          // a cuda:0 exists (real or simulated)
  simulated: boolean
  why: string              // why not usable ('' when usable)
}

/** Whether cuda:0 answers; `simulate` switches the simulated device on first (never over a real GPU). */
export function cudaState(simulate: boolean): CudaState {
  let a: DeviceAddon
  try { a = addon() } catch (e) { return { usable: false, simulated: false, why: (e as Error).message.split('\n')[0] } }
  if (!a.cudaStatus || !a.cuda || !a.cpu || !a.pinMemory || !a.toDevice) {
    return { usable: false, simulated: false, why: 'the engine addon has no device moves (rebuild with npm run build:native)' }
  }
  if (simulate && a.setSimulateCuda) a.setSimulateCuda(true)
  const s = a.cudaStatus()
  if (s.deviceCount > 0) return { usable: true, simulated: s.simulated, why: '' }
  return { usable: false, simulated: false, why: `no cuda device${s.reason ? ` (${s.reason})` : ''}; --simulate-cuda adds a simulated one` }
}

const need = <K extends keyof DeviceAddon>(k: K): NonNullable<DeviceAddon[K]> => {
  const f = addon()[k]
  if (!f) throw new Error(`the engine addon has no ${String(k)}()`)
  return f.bind(addon()) as NonNullable<DeviceAddon[K]>
}

// A move that changes nothing returns its input (PyTorch's rule): keep it the same object.
const wrap = (t: EngineObject, h: NativeHandle) => (h === t.handle ? t : new EngineObject(h))

export const toCuda = (t: EngineObject, nonBlocking = false) => wrap(t, need('cuda')(t.handle, null, nonBlocking))
export const toCpu = (t: EngineObject) => wrap(t, need('cpu')(t.handle))
export const toCpuNonBlocking = (t: EngineObject) => wrap(t, need('toDevice')(t.handle, 'cpu', true, false))
export const pinMemory = (t: EngineObject) => wrap(t, need('pinMemory')(t.handle))
