// Runs the app's session in a worker thread, so that a long Python run (the
// runner is synchronous) never blocks Electron main or the browser-mode
// server, and progress events reach the UI while it runs.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { EventName, EventPayload, Method, Reply } from '../shared/protocol'
import type { SessionService } from './service'
import { lazyWindowResult } from './packed-values'
import type { FromWorker, ToWorker, WorkerInit } from './worker-messages'
import { INTERRUPT_STOP, RUNNER_STACK_MB, newInterruptFlag } from '../runner/types'

type Listener = (payload: EventPayload<EventName>) => void

function here(): string {
  return typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url))
}

/**
 * The worker script: next to the bundle in the built app (out/main/session-worker.js,
 * an electron-vite entry), else the TypeScript source run through tsx (bin/stridescope, tests).
 */
export function workerScript(): { file: string; execArgv: string[] } {
  const bundled = join(here(), 'session-worker.js')
  if (existsSync(bundled)) return { file: bundled, execArgv: [] }
  // tsx's hook by absolute path: `--require tsx/cjs` would resolve from the cwd, which may be anywhere.
  const req = createRequire(typeof __filename !== 'undefined' ? __filename : import.meta.url)
  return { file: join(here(), 'worker-entry.ts'), execArgv: ['--require', req.resolve('tsx/cjs')] }
}

export function startSessionWorker(options: Omit<WorkerInit, 'interruptFlag'>): SessionService {
  // Stop writes this flag from here: the worker is busy running and reads no messages.
  const interruptFlag = newInterruptFlag()
  const init: WorkerInit = { ...options, interruptFlag }
  let runsInFlight = 0
  const pending = new Map<number, (reply: Reply<Method>) => void>()
  const listeners = new Map<EventName, Set<Listener>>()
  let nextId = 1
  let worker: Worker | null = null
  let stopping = false

  function spawn(): Worker {
    const { file, execArgv } = workerScript()
    const w = new Worker(file, { workerData: init, execArgv, resourceLimits: { stackSizeMb: RUNNER_STACK_MB } })
    w.on('message', (msg: FromWorker) => {
      if (msg.type === 'reply') {
        pending.get(msg.id)?.(msg.reply)
        pending.delete(msg.id)
      } else if (msg.type === 'window-reply') {
        pending.get(msg.id)?.({ ok: true, result: lazyWindowResult(msg.result) })
        pending.delete(msg.id)
      } else if (msg.type === 'event') {
        for (const l of listeners.get(msg.event) ?? []) {
          try {
            l(msg.payload)
          } catch {
            // a failing listener (closed window, dead socket) must not stop the others
          }
        }
      }
    })
    const fail = (why: string) => {
      if (worker === w) worker = null
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { code: 'internal', message: why } })
        pending.delete(id)
      }
    }
    w.on('error', (e) => fail(`the session worker failed: ${e.message}; the next request starts a fresh session`))
    w.on('exit', (code) => {
      if (!stopping) fail(`the session worker stopped (exit code ${code}); the next request starts a fresh session`)
    })
    return w
  }

  worker = spawn() // start the engine now, so the first run does not pay for it
  return {
    request(method, params) {
      if (stopping) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'the session is shutting down' } })
      if (method === 'interrupt') {
        if (runsInFlight > 0) Atomics.store(interruptFlag, 0, INTERRUPT_STOP)
        return Promise.resolve({ ok: true, result: { interrupted: runsInFlight > 0 } })
      }
      worker ??= spawn()
      const id = nextId++
      const w = worker
      const isRun = method === 'run'
      if (isRun) runsInFlight++
      const reply = new Promise<Reply<Method>>((resolve) => {
        pending.set(id, resolve)
        w.postMessage({ type: 'request', id, method, params } satisfies ToWorker)
      })
      if (method === 'setWorkingFolder') {
        // A fresh worker (after a crash) starts in the folder chosen last, not the first one.
        return reply.then((r) => {
          const folder = r.ok ? (r.result as { workingFolder?: string }).workingFolder : undefined
          if (folder !== undefined) init.workingFolder = folder
          return r
        })
      }
      return isRun ? reply.finally(() => { runsInFlight-- }) : reply
    },
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener as Listener)
      return () => set.delete(listener as Listener)
    },
    async dispose() {
      stopping = true
      listeners.clear()
      const w = worker
      worker = null
      if (w) await w.terminate()
    }
  }
}
