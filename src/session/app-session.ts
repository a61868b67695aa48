// The session as the app runs it: the real Runner over the native engine.
// Electron main and `stridescope serve` both start here.
import { loadAddon, type EngineObject } from '../engine'
import { Runner } from '../runner'
import { SessionError } from './errors'
import type { SessionRunner } from './runner-port'
import { Session, defaultDevices } from './session'

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

export function createAppSession(options: { simulateCuda?: boolean } = {}): Session {
  return new Session({ createRunner: createRealRunner, listDevices: defaultDevices, simulateCuda: options.simulateCuda ?? false })
}
