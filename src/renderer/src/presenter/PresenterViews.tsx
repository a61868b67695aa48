// The renderer's own 3D views (imported, not copied), showing the object the
// step made or wrote. A frame over the views flashes in the colour of what
// changed (the views themselves stay mounted: no new WebGL context per step);
// a step that moved bytes between devices shows the device lanes in place of
// the logical grid, so the transfer is what the class sees.
import { LogicalView } from '../views/LogicalView'
import { MemoryView } from '../views/MemoryView'
import { DeviceLanes } from '../views/DeviceLanes'
import type { StepChanges } from '../../../lessons/step-effects'

export function PresenterViews({ changes, flashKey }: { changes: StepChanges | null; flashKey: string }): React.JSX.Element {
  const kinds = new Set(changes?.effects.map((e) => e.kind) ?? [])
  const flash = kinds.has('transfer') ? 'transfer' : kinds.has('bytes-written') ? 'bytes-written' : kinds.has('new-storage') ? 'new-storage' : kinds.has('new-view') ? 'new-view' : 'none'
  return (
    <div className="presenter-views" data-testid="presenter-views" data-flash={flash}>
      <div className="presenter-view-slot">{changes?.hasTransfer ? <DeviceLanes /> : <LogicalView />}</div>
      <div className="presenter-view-slot"><MemoryView /></div>
      {/* Keyed by position: a new element, so the animation plays again on every step. */}
      <div key={flashKey} className={`presenter-flash flash-${flash}`} aria-hidden="true" />
    </div>
  )
}
