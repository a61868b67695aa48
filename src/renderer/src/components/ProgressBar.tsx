// A thin bar at the top for anything longer than a moment: the backend's
// progress events, and runs that have not answered after 300 ms.
import { useEffect, useState } from 'react'
import { useApp } from '../state/context'
import { useStore } from '../state/store'

export function ProgressBar(): React.JSX.Element | null {
  const { store } = useApp()
  const progress = useStore(store, (s) => s.progress)
  const busy = useStore(store, (s) => s.busy)
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    if (!busy) { setSlow(false); return }
    const t = setTimeout(() => setSlow(true), 300)
    return () => clearTimeout(t)
  }, [busy])
  if (!progress && !slow) return null
  const f = progress?.fraction ?? null
  return (
    <div className="progress" role="progressbar" aria-label={progress?.label ?? 'running'} aria-valuenow={f === null ? undefined : Math.round(f * 100)} data-testid="progress">
      <div className={f === null ? 'bar indeterminate' : 'bar'} style={f === null ? undefined : { width: `${f * 100}%` }} />
      {progress && <span className="progress-label">{progress.label}</span>}
    </div>
  )
}
