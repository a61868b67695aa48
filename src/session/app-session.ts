// The session as the app runs it: the real Runner over the native engine.
// Electron main and `stridescope serve` both start here.
import { cudaStatus, loadAddon, type EngineObject } from '../engine'
import { Runner } from '../runner'
import { setSimulateCuda } from '../runner/lib/device_ops'
import { SessionError } from './errors'
import type { DeviceLister, SessionRunner } from './runner-port'
import { CPU_DEVICE, Session, defaultDevices } from './session'

/**
 * The engine call that copies raw storage bytes, when the addon has it
 * (`storageBytes(handle, byteStart, length) → Uint8Array`, any object viewing
 * the storage as the handle). Feature-detected so the app runs without it.
 */
type StorageBytesFn = (handle: unknown, byteStart: number, length: number) => Uint8Array

export function createRealRunner(options: { simulateCuda: boolean }): SessionRunner {
  const runner = new Runner({ simulateCuda: options.simulateCuda })
  const variables = () => runner.variables() as { name: string; object: EngineObject }[]
  return {
    run: (source) => runner.run(source),
    variables,
    reset: () => runner.reset(),
    storageBytes(storageId, byteStart, length) {
      // Looked up on use: the addon loads lazily, so plain Python runs even without it.
      const readBytes = (loadAddon() as unknown as { storageBytes?: StorageBytesFn }).storageBytes
      if (!readBytes) throw new SessionError('internal', 'this engine build cannot read storage bytes (no storageBytes in the addon)')
      const viewer = variables().find((v) => v.object.info().storage.id === storageId)
      if (!viewer) throw new SessionError('not-found', `no live object views storage ${storageId}`)
      return readBytes(viewer.object.handle, byteStart, length)
    }
  }
}

/**
 * The devices as the engine sees them (torch.cuda's view): cpu, then cuda:0..N-1,
 * real or simulated (a real GPU wins over the simulated device). Falls back to
 * the session's own view when the engine cannot be asked.
 */
export const engineDevices: DeviceLister = (options) => {
  let status
  try {
    // The simulated device is engine-wide state that runners set when they run;
    // set it here too so a fresh session lists cuda:0 before its first line.
    setSimulateCuda(options.simulateCuda)
    status = cudaStatus()
  } catch {
    return defaultDevices(options)
  }
  const devices = [CPU_DEVICE]
  for (let i = 0; i < status.deviceCount; i++) {
    const name = `cuda:${i}`
    const label = status.simulated ? `${name} (simulated)` : status.deviceNames[i] ? `${name} (${status.deviceNames[i]})` : name
    devices.push({ name, type: 'cuda', index: i, simulated: status.simulated, label })
  }
  return status.available ? { devices } : { devices, cudaUnavailableReason: status.reason || 'no cuda device' }
}

export function createAppSession(options: { simulateCuda?: boolean } = {}): Session {
  return new Session({ createRunner: createRealRunner, listDevices: engineDevices, simulateCuda: options.simulateCuda ?? false })
}
