// What the program holds on each device against its memory cap, under the workspace's
// title; "cap" opens the setting (kept across restarts). An allocation past a cap
// raises NumPy's/PyTorch's out-of-memory error in the console and the workspace stays.
import { useState } from 'react'
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { formatBytes } from '../model/format'
import { parseByteSize } from '../../../shared/byte-size'
import type { DeviceMemory, MemoryCaps } from '../../../shared/protocol'

export function MemoryMeter(): React.JSX.Element | null {
  const { store } = useApp()
  const memory = useStore(store, (s) => s.workspace.memory)
  const caps = useStore(store, (s) => s.workspace.memoryCaps)
  const [editing, setEditing] = useState(false)
  if (!memory || !caps) return null
  return (
    <div className="memory-meter" data-testid="memory-meter">
      <div className="memory-devices">
        {memory.map((d) => <DeviceLine key={d.device} d={d} />)}
        <button className="memory-cap-button" data-testid="memory-cap-button" aria-expanded={editing}
          title="Set how much memory the program may hold per device" onClick={() => setEditing(!editing)}>cap…</button>
      </div>
      {editing && <CapForm caps={caps} memory={memory} onDone={() => setEditing(false)} />}
    </div>
  )
}

function DeviceLine({ d }: { d: DeviceMemory }): React.JSX.Element {
  const fraction = d.cap ? Math.min(1, d.live / d.cap) : 0
  return (
    <span className={fraction >= 0.9 ? 'memory-device full' : 'memory-device'} data-testid={`memory-${d.device}`}
      title={`${d.live} of ${d.cap} bytes live on ${d.device}`}>
      <span className="memory-name">{d.device}</span> {formatBytes(d.live)} / {formatBytes(d.cap)}
      <span className="memory-bar"><span style={{ width: `${fraction * 100}%` }} /></span>
    </span>
  )
}

/** The text a cap field starts with: the person's own cap, or empty for the default. */
const capText = (bytes: number | null): string => (bytes === null ? '' : formatBytes(bytes))

function CapForm({ caps, memory, onDone }: { caps: MemoryCaps; memory: DeviceMemory[]; onDone: () => void }): React.JSX.Element {
  const { controller } = useApp()
  const [cpu, setCpu] = useState(capText(caps.cpu))
  const [cuda, setCuda] = useState(capText(caps.cuda))
  const [why, setWhy] = useState<string | null>(null)
  const defaultCap = (type: string) => memory.find((d) => d.device.startsWith(type))?.cap
  const parse = (text: string, type: string): number | null | undefined => {
    if (!text.trim()) return null
    const bytes = parseByteSize(text)
    if (bytes === null || bytes === 0) {
      setWhy(`${type}: '${text}' is not a size (try 4G, 512M or 1.5 GiB)`)
      return undefined
    }
    return bytes
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    const c = parse(cpu, 'cpu')
    const g = parse(cuda, 'cuda')
    if (c === undefined || g === undefined) return
    try {
      await controller.setMemoryCaps({ cpu: c, cuda: g })
      onDone()
    } catch (err) {
      setWhy(err instanceof Error ? err.message : String(err))
    }
  }
  const placeholder = (type: string) => (caps[type as keyof MemoryCaps] === null && defaultCap(type) ? `default: ${formatBytes(defaultCap(type)!)}` : 'default: half of RAM')
  return (
    <form className="memory-cap-form" data-testid="memory-cap-form" onSubmit={(e) => void submit(e)}>
      <label>cpu cap <input data-testid="memory-cap-cpu" value={cpu} placeholder={placeholder('cpu')} onChange={(e) => setCpu(e.target.value)} /></label>
      <label>cuda cap <input data-testid="memory-cap-cuda" value={cuda} placeholder={placeholder('cuda')} onChange={(e) => setCuda(e.target.value)} /></label>
      <div className="row">
        <button type="submit" data-testid="memory-cap-save">Set</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
      <div className="muted small">Empty: half of RAM. An array or tensor that would pass its device's cap raises the library's out-of-memory error; nothing already made is lost.</div>
      {why && <div className="form-why" role="alert">{why}</div>}
    </form>
  )
}
