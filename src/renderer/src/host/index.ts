// The host: the one object through which the renderer reaches the backend.
// In Electron the preload exposes it as window.stridescope; in browser mode
// it is built over a WebSocket. Both have exactly the same surface (Api).
import type { Api } from '../../../shared/api'
import { API_GLOBAL } from '../../../preload/api-types'
import { connectWebSocket } from './websocketHost'

export { ProtocolMismatch } from './websocketHost'

export type Host = Api

export async function connectHost(): Promise<Host> {
  const fromPreload = (globalThis as Record<string, unknown>)[API_GLOBAL] as Host | undefined
  if (fromPreload) return fromPreload
  return connectWebSocket(location.href)
}
