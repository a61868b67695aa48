// Whether the engine addon is built with the ops the profiler's tests need;
// tests that need it skip with this reason printed.
import { loadAddon } from '../../src/engine/load'

export function engineSkipReason(needDevice = false): string {
  try {
    const a = loadAddon() as unknown as Record<string, unknown>
    if (typeof a.create !== 'function' || typeof a.contiguous !== 'function') return 'the addon has no array ops yet'
    if (needDevice && typeof a.cudaStatus !== 'function') return 'the addon has no device ops'
    return ''
  } catch (e) {
    return `native addon not built: ${(e as Error).message.split('\n')[0]}`
  }
}
