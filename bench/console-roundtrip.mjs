#!/usr/bin/env node
// A console line's round trip in browser mode: `x = np.zeros((1000, 1000))` is
// typed into the console of `stridescope serve` in headless Chromium
// (SwiftShader), and the time runs from the Enter key to the frame after both
// views show the new x (the logical view coloured with its values at the new
// revision, the memory view's legend naming x). Before each try `del x` clears
// the views. Prints the median beside the target (<= 150 ms), and where the
// time goes: the page's socket traffic and the views' attributes are
// timestamped where the page sees them (an observer installed before the app
// loads, nothing in the app changes), giving the median time of each step after the Enter key.
//
//   node bench/console-roundtrip.mjs [--runs 7] [--json] [--renderer DIR] [--trace FILE]
//
// --renderer serves another build of the renderer (an A/B against a copy of an older out/renderer).
// --trace writes a Chrome trace (open it in chrome://tracing or Perfetto) of the last try: every
// thread of the browser, the GPU process's frames and the socket worker included (that try's time
// includes tracing's own cost).
//
// Needs Chromium (/usr/bin/chromium or $STRIDESCOPE_CHROMIUM); skips with a printed reason without it.
import { existsSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { CHROMIUM_ARGS, chromiumPath, ensureRendererBuilt, startServe } from './browser-mode.mjs'

const LINE = 'x = np.zeros((1000, 1000))'
const TARGET_MS = 150

/** Median and all tries of the round trip, in ms, or why it was skipped (no Chromium). */
export async function consoleRoundTrip(runs = 7, rendererDir, traceFile) {
  if (!existsSync(chromiumPath)) {
    return { skipped: `Chromium not found at ${chromiumPath} (install Debian's chromium or set STRIDESCOPE_CHROMIUM)` }
  }
  if (!rendererDir) ensureRendererBuilt()
  const { chromium: pw } = await import('playwright-core')
  const server = await startServe(rendererDir)
  const browser = await pw.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.addInitScript(observeSteps)
    await page.goto(server.url)
    await page.waitForSelector('[data-testid=app][data-ready=true]', { timeout: 60_000 })
    await page.getByTestId('view-split').click()
    const times = []
    const steps = []
    for (let i = 0; i < runs + 1; i++) {
      // Start from views that do not show x.
      await page.evaluate(() => window.__stridescope.controller.runAction('x = None\ndel x'))
      await page.waitForSelector('[data-testid=app][data-ready=true]')
      await page.locator('[data-testid=console-input] .cm-content').click()
      await page.keyboard.type(LINE)
      // The clock starts at the Enter key's keydown, in the page (listener set before the key is pressed).
      const before = await page.evaluate(() => {
        window.__roundTripStart = null
        window.__steps.length = 0
        document.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__roundTripStart = performance.now() }, { capture: true, once: true })
        return Number(document.querySelector('[data-testid=app]').getAttribute('data-revision'))
      })
      const tracing = traceFile && i === runs
      if (tracing) await browser.startTracing(page, { categories: TRACE_CATEGORIES })
      await page.keyboard.press('Enter')
      const ms = await page.evaluate((before) => new Promise((resolve, reject) => {
        const t0 = window.__roundTripStart
        if (t0 === null) return reject(new Error('the Enter key was not seen'))
        const shown = () => {
          const rev = document.querySelector('[data-testid=app]').getAttribute('data-revision')
          const lv = document.querySelector('[data-testid=logical-view]')
          const legend = document.querySelector('[data-testid=memory-legend]')?.textContent ?? ''
          return Number(rev) > before && lv?.getAttribute('data-object') === 'x' && lv.getAttribute('data-values-revision') === rev && legend.includes('x flat index')
        }
        const tick = () => {
          // One more frame once shown: what was set is on the canvases.
          if (shown()) requestAnimationFrame(() => resolve(performance.now() - t0))
          else if (performance.now() - t0 > 60_000) reject(new Error('the views never showed x'))
          else requestAnimationFrame(tick)
        }
        tick()
      }), before)
      if (tracing) writeFileSync(traceFile, await browser.stopTracing())
      const marks = await page.evaluate(() => window.__steps.map(([t, step, duration]) => [t - window.__roundTripStart, step, duration]))
      if (i > 0) { times.push(ms); steps.push(firstOfEach(marks)) } // the first try warms up (shaders, code paths)
    }
    const sorted = [...times].sort((a, b) => a - b)
    const breakdown = STEPS.map(([key, label]) => ({ key, label, ms: median(steps.map((s) => s[key]).filter((t) => t !== undefined)) }))
      .filter((s) => s.ms !== undefined)
      .sort((a, b) => (a.key === 'busy') - (b.key === 'busy') || a.ms - b.ms)
    return { medianMs: sorted[Math.floor(sorted.length / 2)], times, breakdown }
  } finally {
    await browser.close()
    server.child.kill('SIGTERM')
  }
}

/** What --trace records: tasks on every thread, JavaScript calls, GC, frames and GPU work. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing', 'v8', 'v8.execute', 'disabled-by-default-v8.gc', 'toplevel', 'gpu', 'cc', 'viz', 'blink', 'mojom']

/** The steps observed, in the order they happen, with what each names. */
const STEPS = [
  ['runSent', 'run request sent'],
  ['workspace', 'workspace event (the run and its snapshot) received'],
  ['selected', 'logical view names x (React commit)'],
  ['windowSent', 'values window requested'],
  ['runReply', 'run reply received'],
  ['windowReply', 'values window received'],
  ['logicalFrame', 'logical view frame drawn'],
  ['memoryFrame', 'memory view frame drawn'],
  ['valuesShown', 'logical view marks its values at the new revision'],
  ['busy', 'main thread in long tasks (sum, ms)']
]

/**
 * Runs in the page before the app: timestamps the socket's messages (by kind)
 * and the views' attributes, and sums long tasks, into window.__steps.
 */
function observeSteps() {
  const steps = (window.__steps = [])
  const mark = (name) => steps.push([performance.now(), name])
  // The socket's traffic, where the page sees it: its own WebSocket, or the socket worker's messages.
  const received = (data) => {
    if (typeof data !== 'string') return mark('windowReply') // the binary 'f64' window
    const head = data.slice(0, 120)
    if (head.includes('"event":"workspace"')) mark('workspace')
    else if (head.includes('"type":"response"') && head.includes('"stdout"')) mark('runReply')
    else if (head.includes('"type":"response"') && head.includes('"objectId"')) mark('windowReply')
  }
  const sent = (data) => {
    if (typeof data === 'string' && data.includes('"method":"run"')) mark('runSent')
    if (typeof data === 'string' && data.includes('"method":"window"')) mark('windowSent')
  }
  const NativeSocket = window.WebSocket
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args)
      this.addEventListener('message', (ev) => received(ev.data))
    }
    send(data) {
      sent(data)
      return super.send(data)
    }
  }
  const NativeWorker = window.Worker
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args)
      this.addEventListener('message', (ev) => { if (ev.data?.type === 'message') received(ev.data.data) })
    }
    postMessage(data, ...rest) {
      if (data?.type === 'send') sent(data.text)
      return super.postMessage(data, ...rest)
    }
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) steps.push([e.startTime + e.duration, 'longtask', e.duration])
  }).observe({ type: 'longtask', buffered: false })
  new MutationObserver((records) => {
    for (const r of records) {
      const id = r.target.getAttribute('data-testid')
      if (id === 'logical-view' && r.attributeName === 'data-object' && r.target.getAttribute('data-object') === 'x') mark('selected')
      else if (id === 'logical-view' && r.attributeName === 'data-values-revision' && r.target.getAttribute('data-values-revision') !== '-1') mark('valuesShown')
      else if (id === 'logical-canvas' && r.attributeName === 'data-frames') mark('logicalFrame')
      else if (id === 'memory-canvas' && r.attributeName === 'data-frames') mark('memoryFrame')
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-object', 'data-values-revision', 'data-frames'] })
}

/** Each step's first time after the Enter key (frames: the last one, when everything is drawn); long tasks summed. */
function firstOfEach(marks) {
  const out = { busy: 0 }
  for (const [t, step, duration] of marks) {
    if (t < 0) continue
    if (step === 'longtask') out.busy += duration
    else if (step.endsWith('Frame')) out[step] = t
    else out[step] ??= t
  }
  return out
}

function median(xs) {
  if (!xs.length) return undefined
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

export function formatConsoleRoundTrip(r) {
  if (r.skipped) return `console round trip: skipped: ${r.skipped}`
  const ok = r.medianMs <= TARGET_MS
  return `console round trip (\`${LINE}\` typed in browser mode until both views show it), median of ${r.times.length}: ` +
    `${r.medianMs.toFixed(0)} ms (target ≤ ${TARGET_MS} ${ok ? '✓' : '✗'}; all: ${r.times.map((t) => t.toFixed(0)).join(', ')} ms; load average ${loadavg()[0].toFixed(1)})` +
    r.breakdown.map((s) => `\n    ${s.ms.toFixed(0).padStart(5)} ms  ${s.label}`).join('')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const runs = Number(args[args.indexOf('--runs') + 1]) || 7
  const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
  const r = await consoleRoundTrip(runs, opt('--renderer'), opt('--trace'))
  console.log(args.includes('--json') ? JSON.stringify(r) : formatConsoleRoundTrip(r))
}
