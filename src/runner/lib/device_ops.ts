// Device moves (Tensor.to(device), .cuda(), .cpu(), pin_memory) and CUDA status, as
// the runner's library surface calls them. The engine does the work and raises
// PyTorch's errors (src/engine, native/core/device_moves.h); nothing here decides a layout.
import { cudaMemoryStats as engineCudaMemoryStats, cudaStatus as engineCudaStatus, setSimulateCuda as engineSetSimulateCuda, type CudaStatus, type EngineObject } from '../../engine'

export const toDevice = (obj: EngineObject, device: string, nonBlocking: boolean, copy: boolean) => obj.toDevice(device, nonBlocking, copy)
export const toCuda = (obj: EngineObject, device: string | null, nonBlocking: boolean) => obj.cuda(device, nonBlocking)
export const toCpu = (obj: EngineObject) => obj.cpu()
export const pinMemory = (obj: EngineObject) => obj.pinMemory()
export const isPinned = (obj: EngineObject) => obj.isPinned()

/** The engine's answer to torch.cuda.is_available() and friends; no engine: no CUDA. */
export function cudaStatus(): CudaStatus {
  try {
    return engineCudaStatus()
  } catch {
    return { available: false, deviceCount: 0, simulated: false, reason: 'the Stridescope engine is not loaded', deviceNames: [] }
  }
}

/** torch.cuda.memory_allocated / memory_reserved of cuda:`index` (zeros without CUDA, as PyTorch). */
export function cudaMemoryStats(index: number): { allocated: number; reserved: number } {
  if (!cudaStatus().available) return { allocated: 0, reserved: 0 }
  return engineCudaMemoryStats(index)
}

/** Switches the engine's simulated cuda device (process-wide engine state) for a run. */
export function setSimulateCuda(on: boolean): void {
  try { engineSetSimulateCuda(on) } catch { /* no engine loaded: nothing to switch */ }
}
