// Browser mode (`stridescope serve`): the renderer and the session over HTTP + WebSocket on loopback.
export { startServer, type RunningServer, type ServerOptions } from './server'
export { browserModeCsp } from './security'
