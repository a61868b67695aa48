// The device tab (tensors only): the moves between host and CUDA devices.
import { useState } from 'react'
import { useApp } from '../../state/context'
import { useStore } from '../../state/store'
import { deviceLine } from '../../model/pythonLines'
import type { TabProps } from './tabProps'

export function DeviceTab({ src, outName, nameOk, run }: TabProps): React.JSX.Element {
  const { store } = useApp()
  const devices = useStore(store, (s) => s.workspace.devices)
  const [toDevice, setToDevice] = useState('cpu')
  const cudaNames = devices.filter((d) => d.type === 'cuda').map((d) => d.name)
  return (
    <div className="btn-grid">
      <button disabled={!nameOk} data-testid="move-cuda" onClick={() => void run(deviceLine(outName, src, { op: 'cuda' }))}>{src}.cuda()</button>
      <button disabled={!nameOk} data-testid="move-cpu" onClick={() => void run(deviceLine(outName, src, { op: 'cpu' }))}>{src}.cpu()</button>
      <button disabled={!nameOk} data-testid="move-pin" onClick={() => void run(deviceLine(outName, src, { op: 'pin_memory' }))}>{src}.pin_memory()</button>
      <span className="inline">
        <select value={toDevice} onChange={(e) => setToDevice(e.target.value)} data-testid="move-to-device">
          {['cpu', ...cudaNames, ...(cudaNames.length ? [] : ['cuda'])].map((d) => <option key={d}>{d}</option>)}
        </select>
        <button disabled={!nameOk} data-testid="move-to" onClick={() => void run(deviceLine(outName, src, { op: 'to', device: toDevice }))}>.to()</button>
      </span>
      {cudaNames.length === 0 && <div className="muted small">No CUDA device: turn on the simulated one in the toolbar to see the moves (or their errors).</div>}
    </div>
  )
}
