// The profiler panel (issue 7): the op log as a sortable table with a timeline,
// and sweeps (form, progress, cancel) with their results as a table and a uPlot
// chart of GB/s against size; CSV/JSON export of both. Mounted by the App.
import { useEffect, useMemo, useState } from 'react'
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { opLogToCsv, sweepToCsv, sweepToJson } from '../../../profiler/export'
import { describePeakPoint, peakHeadline } from '../../../profiler/rates'
import type { SweepResult } from '../../../profiler/types'
import type { PeakInfo, ProfilerApi } from '../../../shared/profiler-protocol'
import { downloadText } from '../state/download'
import { chartData, logChartData, profileLog } from './model'
import { OpTable } from './OpTable'
import { RateChart } from './RateChart'
import { SweepForm, SweepTable } from './SweepForm'
import { Timeline } from './Timeline'
import './profiler.css'

type Tab = 'ops' | 'sweep'

/** The profiler requests when the backend registers them (src/shared/profiler-protocol.ts); null otherwise. */
function profilerApiOf(host: unknown): ProfilerApi | null {
  const h = host as Partial<ProfilerApi>
  return typeof h.profilerSweep === 'function' && typeof h.profilerStatus === 'function' && typeof h.profilerCancel === 'function'
    && typeof h.profilerPeak === 'function' ? (h as ProfilerApi) : null
}

export function ProfilerPanel(): React.JSX.Element {
  const { store, controller } = useApp()
  const records = useStore(store, (s) => s.workspace.ops)
  const devices = useStore(store, (s) => s.workspace.devices)
  const api = profilerApiOf(controller.host)
  const [tab, setTab] = useState<Tab>('ops')
  const [peak, setPeak] = useState<PeakInfo | null>(null)
  const [peakBusy, setPeakBusy] = useState(false)
  const [result, setResult] = useState<SweepResult | null>(null)

  useEffect(() => {
    if (!api) return
    let live = true
    api.profilerPeak(false).then((p) => { if (live) setPeak(p) }, () => undefined)
    return () => { live = false }
  }, [api !== null]) // eslint-disable-line react-hooks/exhaustive-deps

  const ops = useMemo(() => profileLog(records, peak?.points ?? null, peak?.device ?? null), [records, peak])
  const cuda = devices.filter((d) => d.type === 'cuda')
  const stamp = () => new Date().toISOString().replace(/[:.]/g, '-')

  return (
    <div className="panel profiler" data-testid="profiler-panel">
      <div className="panel-head profiler-head">
        Profiler
        <span className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'ops'} data-testid="profiler-tab-ops" onClick={() => setTab('ops')}>Operations</button>
          <button type="button" role="tab" aria-selected={tab === 'sweep'} data-testid="profiler-tab-sweep" onClick={() => setTab('sweep')}>Sweeps</button>
        </span>
        <span className="muted small" data-testid="profiler-peak"
          title={peak ? `${peak.method}; by size: ${peak.points.map(describePeakPoint).join('; ')}; each row is compared with the size nearest its own; ${peak.cached ? `cached, measured ${peak.measuredAt}` : 'just measured'}` : ''}>
          {peak ? `${peakHeadline(peak.points)} ` : 'memcpy peak: not measured '}
          {api && (
            <button type="button" className="link" data-testid="profiler-remeasure" disabled={peakBusy}
              onClick={() => { setPeakBusy(true); api.profilerPeak(true).then(setPeak, () => undefined).finally(() => setPeakBusy(false)) }}>
              re-measure
            </button>
          )}
        </span>
      </div>
      <div className="scroll">
        {tab === 'ops' ? (
          <>
            <Timeline ops={ops} />
            <div className="profiler-actions">
              <button type="button" data-testid="profiler-export-log-csv" disabled={ops.length === 0}
                onClick={() => downloadText(opLogToCsv(ops), `stridescope-ops-${stamp()}.csv`, 'text/csv')}>Export log as CSV</button>
            </div>
            <RateChart {...logChartData(ops)} byKind testId="profiler-log-chart" empty="Copies, conversions and transfers that move bytes are plotted here: GB/s against size, per kind." />
            <OpTable ops={ops} peak={peak?.points ?? null} />
          </>
        ) : (
          <>
            {api ? (
              <SweepForm api={api} hasCuda={cuda.length > 0} cudaSimulated={cuda.some((d) => d.simulated)} onResult={setResult} />
            ) : (
              <div className="empty-state small" data-testid="profiler-no-backend">
                This backend does not serve profiler requests yet; `stridescope profile` runs the same sweeps from the command line.
              </div>
            )}
            {result && (
              <>
                <div className="profiler-actions">
                  <button type="button" data-testid="profiler-export-csv" onClick={() => downloadText(sweepToCsv(result.rows), `stridescope-sweep-${stamp()}.csv`, 'text/csv')}>Export CSV</button>
                  <button type="button" data-testid="profiler-export-json" onClick={() => downloadText(sweepToJson(result), `stridescope-sweep-${stamp()}.json`, 'application/json')}>Export JSON</button>
                </div>
                <RateChart {...chartData(result.rows)} empty="Run a sweep with copying operations to plot GB/s against size." />
                <SweepTable result={result} peak={peak?.points ?? null} />
              </>
            )}
          </>
        )}
      </div>
    </div>
  )
}
