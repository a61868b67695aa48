// The request handlers shared by Electron main and the browser-mode server:
// validate the params against the protocol schema, call the session, and turn
// every outcome into a plain Reply (thrown errors lose their shape across IPC).
import { isMethod, methods, type Method, type Params, type ProtocolErrorInfo, type Reply, type Result } from '../shared/protocol'
import { ValidationError } from '../shared/schema'
import { SessionError } from './errors'
import { lessonsHandlers } from './lessons-service'
import { filesHandlers } from './file-service'
import { profilerHandlers } from './profiler-service'
import type { PackedWindow, Session } from './session'

type Handler<M extends Method> = (session: Session, params: Params<M>) => Promise<Result<M>> | Result<M>

const handlers: { [M in Method]: Handler<M> } = {
  ...profilerHandlers,
  ...lessonsHandlers,
  ...filesHandlers,
  run: (s, p) => s.run(p.code, p.origin),
  interrupt: (s) => ({ interrupted: s.interrupt() }),
  snapshot: (s) => s.snapshot(),
  window: (s, p) => s.window(p.objectId, p.start, p.shape, p.encoding),
  checkAsStrided: (s, p) => s.checkAsStrided(p.objectId, p.shape, p.strides, p.offset),
  setSimulateCuda: (s, p) => s.setSimulateCuda(p.on),
  setMemoryCaps: (s, p) => s.setMemoryCaps(p),
  setWorkingFolder: (s, p) => s.setWorkingFolder(p.path),
  reset: (s) => s.reset(),
  exportScript: (s) => ({ script: s.exportScript() }),
  attach: (s, p) => s.attach(p),
  attachedCopyLine: (s, p) => s.attachedCopyLine(p.objectId, p.name)
}

/** Handles one request whose method name and params come from an untrusted sender. */
export async function handleRequest(session: Session, method: unknown, params: unknown): Promise<Reply<Method>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `unknown method ${JSON.stringify(method)}` } }
  }
  // A method without parameters may be called with none at all.
  const given = params === undefined ? {} : params
  const err = methods[method].params.check(given, 'params')
  if (err) return { ok: false, error: { code: 'bad-request', message: err } }
  try {
    const result = await (handlers[method] as Handler<Method>)(session, given as Params<Method>)
    return { ok: true, result }
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) }
  }
}

/**
 * `window` with the values left packed, for the session worker (the parent
 * thread turns them into the protocol's array, or JSON, at its edge).
 */
export async function handleWindowPacked(
  session: Session,
  params: unknown
): Promise<{ ok: true; result: PackedWindow } | { ok: false; error: ProtocolErrorInfo }> {
  const given = params === undefined ? {} : params
  const err = methods.window.params.check(given, 'params')
  if (err) return { ok: false, error: { code: 'bad-request', message: err } }
  const p = given as Params<'window'>
  try {
    return { ok: true, result: await session.windowPacked(p.objectId, p.start, p.shape) }
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) }
  }
}

function toErrorInfo(e: unknown): Extract<Reply<Method>, { ok: false }>['error'] {
  if (e instanceof SessionError) return { code: e.code, message: e.message, ...(e.pyType ? { pyType: e.pyType } : {}) }
  if (e instanceof ValidationError) return { code: 'bad-request', message: e.message }
  const pyType = typeof e === 'object' && e !== null ? (e as { pyType?: unknown }).pyType : undefined
  const message = e instanceof Error ? e.message : String(e)
  return { code: 'internal', message, ...(typeof pyType === 'string' ? { pyType } : {}) }
}
