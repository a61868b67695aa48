// The sweep form: which operations, which sizes, how many runs; a progress bar
// fed by polling the backend's sweep status, and cancel (the sweep stops before
// its next run). The result table shows medians with min–max, never one run.
import { useEffect, useRef, useState } from 'react'
import { formatSeconds } from '../model/format'
import { formatSize, parseSizes } from '../../../profiler/sizes'
import { abovePeakReason, formatGbps, formatRatio, peakHeadline } from '../../../profiler/rates'
import type { PeakRef, SweepOpId, SweepResult } from '../../../profiler/types'
import { PeakCell } from './OpTable'
import type { ProfilerApi, SweepStatus } from '../../../shared/profiler-protocol'
import { SWEEP_OP_ID_LIST } from '../../../shared/profiler-protocol'

/** What each op times, as the Python line (the catalogue itself lives in the backend: src/profiler/node/operations.ts). */
export const OP_TITLES: Record<SweepOpId, string> = {
  from_numpy: 'torch.from_numpy(a)',
  numpy: 't.numpy()',
  tensor: 'torch.tensor(a)',
  clone: 't.clone()',
  contiguous_T: 't.T.contiguous()',
  contiguous_permute: 't.permute(0, 2, 3, 1).contiguous()',
  cuda_pageable: 't.cuda() (pageable)',
  cuda_pinned: 't.pin_memory().cuda() (pinned)',
  cpu: 'd.cpu()',
  cpu_non_blocking: "d.to('cpu', non_blocking=True)",
}
const NEEDS_CUDA = new Set<SweepOpId>(['cuda_pageable', 'cuda_pinned', 'cpu', 'cpu_non_blocking'])
const POLL_MS = 200

interface Props {
  api: ProfilerApi
  hasCuda: boolean
  cudaSimulated: boolean
  onResult(result: SweepResult): void
}

export function SweepForm({ api, hasCuda, cudaSimulated, onResult }: Props): React.JSX.Element {
  const [ops, setOps] = useState<Set<SweepOpId>>(new Set(['tensor', 'clone', 'contiguous_T']))
  const [sizes, setSizes] = useState('64K,1M,16M')
  const [repeats, setRepeats] = useState(5)
  const [warmup, setWarmup] = useState(1)
  const [status, setStatus] = useState<SweepStatus | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const poll = useRef<ReturnType<typeof setInterval> | null>(null)
  useEffect(() => () => { if (poll.current) clearInterval(poll.current) }, [])

  let sizeList: number[] | null = null
  let sizeError: string | null = null
  try { sizeList = parseSizes(sizes) } catch (e) { sizeError = (e as Error).message }
  const chosen = SWEEP_OP_ID_LIST.filter((o) => ops.has(o) && (hasCuda || !NEEDS_CUDA.has(o)))
  const canRun = !running && sizeList !== null && chosen.length > 0 && repeats >= 3

  async function run(): Promise<void> {
    if (!sizeList) return
    setError(null)
    setRunning(true)
    setStatus({ running: true, done: 0, total: chosen.length * sizeList.length, op: null, bytes: null, cancelRequested: false })
    poll.current = setInterval(() => { api.profilerStatus().then(setStatus, () => undefined) }, POLL_MS)
    try {
      const result = await api.profilerSweep({ ops: chosen, sizes: sizeList, repeats, warmup })
      onResult(result as SweepResult)
      setStatus({ running: false, done: result.rows.length, total: chosen.length * sizeList.length, op: null, bytes: null, cancelRequested: result.cancelled })
    } catch (e) {
      setError((e as Error).message)
    } finally {
      if (poll.current) clearInterval(poll.current)
      poll.current = null
      setRunning(false)
    }
  }

  const fraction = status && status.total ? status.done / status.total : 0
  return (
    <form className="profiler-sweep-form" data-testid="profiler-sweep-form" onSubmit={(e) => { e.preventDefault(); if (canRun) void run() }}>
      <fieldset disabled={running}>
        <legend>Operations</legend>
        {SWEEP_OP_ID_LIST.map((id) => {
          const disabled = NEEDS_CUDA.has(id) && !hasCuda
          return (
            <label key={id} className={disabled ? 'muted' : ''} title={disabled ? 'needs a cuda device: turn on the simulated cuda:0' : ''}>
              <input type="checkbox" data-testid={`profiler-op-${id}`} checked={ops.has(id)} disabled={disabled}
                onChange={(e) => setOps((s) => { const n = new Set(s); if (e.target.checked) n.add(id); else n.delete(id); return n })} />
              {' '}<code>{OP_TITLES[id]}</code>{NEEDS_CUDA.has(id) && cudaSimulated ? <span className="badge simulated">simulated</span> : null}
            </label>
          )
        })}
      </fieldset>
      <div className="profiler-sweep-params">
        <label title="binary units: 4K = 4096 bytes; 4K..64M = every power of two between; 4K..64M*4 = in steps of ×4">sizes <input data-testid="profiler-sizes" value={sizes} onChange={(e) => setSizes(e.target.value)} aria-invalid={sizeError !== null} /></label>
        <label>repeats <input data-testid="profiler-repeats" type="number" min={3} max={1000} value={repeats} onChange={(e) => setRepeats(Number(e.target.value))} /></label>
        <label>warm-up <input data-testid="profiler-warmup" type="number" min={0} max={100} value={warmup} onChange={(e) => setWarmup(Number(e.target.value))} /></label>
        <button type="submit" data-testid="profiler-run" disabled={!canRun}>Run sweep</button>
        <button type="button" data-testid="profiler-cancel" disabled={!running} onClick={() => { void api.profilerCancel() }}>Cancel</button>
      </div>
      {sizeError && <div className="error small" role="alert">{sizeError}</div>}
      {repeats < 3 && <div className="error small" role="alert">at least 3 repeats: no figure comes from a single run</div>}
      {status && (
        <div className="profiler-progress" role="progressbar" data-testid="profiler-progress" aria-valuemin={0} aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)} data-running={running}>
          <div className="bar" style={{ width: `${fraction * 100}%` }} />
          <span className="small">
            {status.done}/{status.total} cells
            {running && status.op ? ` · ${OP_TITLES[status.op]} ${status.bytes ? formatSize(status.bytes) : ''}` : ''}
            {status.cancelRequested ? ' · cancelled' : ''}
          </span>
        </div>
      )}
      {error && <div className="error small" role="alert" data-testid="profiler-error">{error}</div>}
    </form>
  )
}

export function SweepTable({ result, peak = null }: { result: SweepResult; peak?: PeakRef }): React.JSX.Element {
  const f = formatGbps
  return (
    <table className="profiler-table" data-testid="profiler-sweep-table" data-cancelled={result.cancelled}>
      <thead>
        <tr><th>operation · kernel</th><th>size</th><th>kind</th><th>median (min–max)</th><th>GB/s (min–max)</th><th>% of peak at size</th><th>NumPy median (NumPy / ours)</th></tr>
      </thead>
      <tbody>
        {result.rows.map((r) => (
          <tr key={`${r.op}-${r.bytes}`} data-testid="profiler-sweep-row" data-op={r.op} data-bytes={r.bytes} data-skipped={r.skipped !== null}>
            <td><code>{r.label}</code>{r.skipped === null ? <div className="small muted">{r.kernel}</div> : null}</td>
            <td className="num">{formatSize(r.bytes)}</td>
            <td>{r.kind}{r.simulated ? <span className="badge simulated">simulated</span> : null}</td>
            {r.skipped !== null ? <td colSpan={4} className="muted small">skipped: {r.skipped}</td> : (
              <>
                <td className="num">{formatSeconds(r.seconds.median)}<div className="small muted">{formatSeconds(r.seconds.min)}–{formatSeconds(r.seconds.max)}</div></td>
                <td className="num">{r.gbps === null ? 'no copy' : f(r.gbps)}{r.simulated && r.gbps !== null ? ' simulated' : ''}
                  {r.gbps !== null ? <div className="small muted">{f(r.gbpsMin)}–{f(r.gbpsMax)}</div> : null}</td>
                <PeakCell fraction={r.peakFraction} reason={abovePeakReason(r.peakFraction, r.bytes, peak, r.simulated)} />
                <td className="num" data-testid="profiler-numpy-median" title={r.numpy?.expr ?? 'no NumPy equivalent'}>
                  {r.numpy ? formatSeconds(r.numpy.seconds.median) : '—'}
                  {r.numpy?.ratio ? <div className="small muted">{formatRatio(r.numpy.ratio)}× · <code>{r.numpy.expr}</code></div> : null}
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
      <caption className="small muted profiler-caption">
        medians of {result.spec.repeats} runs after {result.spec.warmup} warm-up runs{result.cancelled ? ' · cancelled: the cells finished before that' : ''}
        {result.numpyNote ? ` · ${result.numpyNote} (NumPy / ours > 1: the engine is faster)` : ''}
        {Array.isArray(peak) && peak.length ? ` · ${peakHeadline(peak)}; each row against the memcpy measured nearest its size` : ''}
      </caption>
    </table>
  )
}
