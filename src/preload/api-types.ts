// The type of what the preload exposes as `window.stridescope`, for the renderer
// (web tsconfig) without pulling in Electron's types. The preload builds its
// object with createApi, so this type is exactly its surface.
export type { Api } from '../shared/api'

/** The global name under which the preload exposes the API. */
export const API_GLOBAL = 'stridescope'
