// Device moves (Tensor.to(device), .cuda(), .cpu(), pin_memory) and CUDA status.
// NOTE: the engine's TS API (src/engine) does not wrap the addon's device ops yet
// (native/binding/ops_device.cc: toDevice, cuda, cpu, pinMemory, isPinned, setSimulateCuda,
// cudaStatus); this adapter calls them on the loaded addon until it does. The engine does
// the work and raises PyTorch's errors; nothing here decides a layout.
import { EngineObject, loadAddon } from '../../engine'
import { pyErr } from '../interp/exceptions'

type Handle = EngineObject['handle']

interface CudaStatus { available: boolean; deviceCount: number; simulated: boolean; reason: string; deviceNames: string[] }

interface DeviceAddon {
  toDevice(h: Handle, device: string, nonBlocking: boolean, copy: boolean): Handle
  cuda(h: Handle, device: string | null, nonBlocking: boolean): Handle
  cpu(h: Handle): Handle
  pinMemory(h: Handle): Handle
  isPinned(h: Handle): boolean
  setSimulateCuda(on: boolean, force?: boolean): void
  cudaStatus(): CudaStatus
}

function addon(): DeviceAddon {
  const a = loadAddon() as unknown as Partial<DeviceAddon>
  if (typeof a.toDevice !== 'function' || typeof a.cudaStatus !== 'function') {
    throw pyErr('NotImplementedError', 'device moves are not available: the Stridescope engine was built without its device operations')
  }
  return a as DeviceAddon
}

const same = (obj: EngineObject, h: Handle) => (h === obj.handle ? obj : new EngineObject(h))

export const toDevice = (obj: EngineObject, device: string, nonBlocking: boolean, copy: boolean) =>
  same(obj, addon().toDevice(obj.handle, device, nonBlocking, copy))
export const toCuda = (obj: EngineObject, device: string | null, nonBlocking: boolean) =>
  same(obj, addon().cuda(obj.handle, device, nonBlocking))
export const toCpu = (obj: EngineObject) => same(obj, addon().cpu(obj.handle))
export const pinMemory = (obj: EngineObject) => same(obj, addon().pinMemory(obj.handle))
export const isPinned = (obj: EngineObject) => addon().isPinned(obj.handle)

/** The engine's answer to torch.cuda.is_available() and friends (no device ops: no CUDA). */
export function cudaStatus(): CudaStatus {
  try {
    return addon().cudaStatus()
  } catch {
    return { available: false, deviceCount: 0, simulated: false, reason: 'the engine has no device operations', deviceNames: [] }
  }
}

/** Switches the engine's simulated cuda device (process-wide engine state) for a run. */
export function setSimulateCuda(on: boolean): void {
  try { addon().setSimulateCuda(on) } catch { /* an engine without device ops: nothing to switch */ }
}
