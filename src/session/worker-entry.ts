// The session worker thread: owns the Runner and the native engine, answers
// requests from the parent, and forwards session events to it.
import { parentPort, workerData } from 'node:worker_threads'
import { EVENT_NAMES } from '../shared/protocol'
import { transferOf } from '../shared/binary-frame'
import { createAppSession } from './app-session'
import { handleRequest, handleWindowPacked } from './handlers'
import type { FromWorker, ToWorker, WorkerInit } from './worker-messages'

const port = parentPort
if (!port) throw new Error('worker-entry must run in a worker thread')
const post = (msg: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer)

const init = workerData as WorkerInit
const session = createAppSession({ simulateCuda: init.simulateCuda, interruptFlag: init.interruptFlag, workingFolder: init.workingFolder })
for (const event of EVENT_NAMES) session.on(event, (payload) => post({ type: 'event', event, payload }))

port.on('message', async (msg: ToWorker) => {
  if (msg?.type !== 'request') return
  const encoding = (msg.params as { encoding?: unknown } | null)?.encoding
  if (msg.method === 'window' && (encoding === undefined || encoding === 'json')) {
    // JSON values stay packed across the thread boundary (see ./packed-values).
    const reply = await handleWindowPacked(session, msg.params)
    post(reply.ok ? { type: 'window-reply', id: msg.id, result: reply.result } : { type: 'reply', id: msg.id, reply })
  } else {
    const reply = await handleRequest(session, msg.method, msg.params)
    // An 'f64' window's doubles move to the parent thread instead of being copied.
    post({ type: 'reply', id: msg.id, reply }, reply.ok ? transferOf(reply.result) : [])
  }
})
post({ type: 'ready' })
