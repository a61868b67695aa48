// Device moves for sweeps: t.cuda(), t.cpu(), t.to('cpu', non_blocking=True),
// t.pin_memory(), and switching on the simulated cuda:0, through the engine's API.
import { cudaStatus, setSimulateCuda, type EngineObject } from '../../engine'

export interface CudaState {
  usable: boolean          // a cuda:0 exists (real or simulated)
  simulated: boolean
  why: string              // why not usable ('' when usable)
}

/** Whether cuda:0 answers; `simulate` switches the simulated device on first (never over a real GPU). */
export function cudaState(simulate: boolean): CudaState {
  let s
  try {
    if (simulate) setSimulateCuda(true)
    s = cudaStatus()
  } catch (e) {
    return { usable: false, simulated: false, why: (e as Error).message.split('\n')[0] }
  }
  if (s.deviceCount > 0) return { usable: true, simulated: s.simulated, why: '' }
  return { usable: false, simulated: false, why: `no cuda device${s.reason ? ` (${s.reason})` : ''}; --simulate-cuda adds a simulated one` }
}

export const toCuda = (t: EngineObject, nonBlocking = false) => t.cuda(null, nonBlocking)
export const toCpu = (t: EngineObject) => t.cpu()
export const toCpuNonBlocking = (t: EngineObject) => t.toDevice('cpu', true, false)
export const pinMemory = (t: EngineObject) => t.pinMemory()
