// The session as the app runs it: the real Runner over the native engine.
// Electron main and `stridescope serve` both start here. The engine is reached
// through its typed API (src/engine) only, never through the runner's library
// internals or the raw addon.
import { cudaStatus, memoryUsage, setMemoryCap, setSimulateCuda } from '../engine'
import { Runner } from '../runner'
import type { DeviceLister, MemoryMeter, RunnerOptions, SessionRunner } from './runner-port'
import { CPU_DEVICE, Session, defaultDevices } from './session'

export function createRealRunner(options: RunnerOptions): SessionRunner {
  const runner = new Runner({ simulateCuda: options.simulateCuda, interruptFlag: options.interruptFlag, workingFolder: options.workingFolder })
  return {
    run: (source, access) => runner.run(source, '<stdin>', access),
    setWorkingFolder: (folder) => runner.setWorkingFolder(folder),
    variables: () => runner.variables(),
    reset: () => runner.reset(),
    setSimulateCuda: (on) => runner.setSimulateCuda(on),
    namesInUse: () => runner.namesInUse(),
    provideFile: (name, path) => runner.provideFile(name, path),
    dispose: () => runner.dispose()
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

/** The engine's memory account of the session's thread (native/core/memory_cap.h). */
export const engineMemory: MemoryMeter = { usage: memoryUsage, setCap: setMemoryCap }

/** `workingFolder`: where the programs' relative file paths resolve (none: the process's, as in the CLI). */
export function createAppSession(options: { simulateCuda?: boolean; interruptFlag?: Int32Array; workingFolder?: string } = {}): Session {
  return new Session({
    createRunner: createRealRunner,
    workingFolder: options.workingFolder,
    listDevices: engineDevices,
    memory: engineMemory,
    simulateCuda: options.simulateCuda ?? false,
    interruptFlag: options.interruptFlag
  })
}
