// The inspector: everything about the selected object, and the address
// formula evaluated for the hovered element.
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { selectedObject } from '../state/appState'
import { addressFormula, hex, pyTuple } from '../model/address'
import { count, formatBytes } from '../model/format'
import { dtypeText, primaryName } from '../model/types'
import { ObjectActions } from './actions/ObjectActions'
import { LayoutCost } from './LayoutCost'
import { bufferIdOf } from '../../../shared/buffer-ids'

function Row({ k, v, testId }: { k: string; v: React.ReactNode; testId?: string }): React.JSX.Element {
  return (<><dt>{k}</dt><dd data-testid={testId}>{v}</dd></>)
}

export function Inspector(): React.JSX.Element {
  const { store } = useApp()
  const sel = useStore(store, selectedObject)
  const hover = useStore(store, (s) => s.hover)
  const workspace = useStore(store, (s) => s.workspace)
  const pinnedId = useStore(store, (s) => s.pinnedId)
  if (!sel) {
    return <div className="panel inspector" data-testid="inspector"><div className="panel-head">Inspector</div>
      <div className="empty-state small">Select an array or tensor in the workspace to see its dtype, shape, strides, offset and flags.</div></div>
  }
  const i = sel.info
  const dev = workspace.devices.find((d) => d.name === i.device)
  const base = i.baseId !== null ? workspace.objects.find((o) => o.info.id === i.baseId) : null
  const hv = hover && hover.objectId === i.id ? hover.index : null
  const f = i.flags
  const lib = i.kind === 'tensor' ? 'torch.Tensor' : 'numpy.ndarray'
  return (
    <div className="panel inspector" data-testid="inspector">
      <div className="panel-head">Inspector <span className="muted">{sel.names.join(' = ')}</span>
        <button className="pin" data-testid="pin-toggle" aria-pressed={pinnedId === i.id}
          title={pinnedId === i.id ? 'Unpin: stop comparing' : 'Pin: keep this object in view beside the next one you select, with linked hover'}
          onClick={() => store.dispatch({ type: 'pin', id: pinnedId === i.id ? null : i.id })}>{pinnedId === i.id ? 'unpin' : 'pin to compare'}</button>
      </div>
      {/* The actions first: at 1280x720 the facts below would push their Run buttons out of view. */}
      <ObjectActions />
      <dl className="props">
        {sel.origin && <Row k="from" testId="insp-origin" v={<>python {sel.origin.pid}: {sel.origin.program} <span className="badge">attached · read-only</span></>} />}
        <Row k="kind" v={lib} testId="insp-kind" />
        <Row k="dtype" v={`${dtypeText(sel)} (${i.itemsize} B)`} testId="insp-dtype" />
        <Row k="shape" v={pyTuple(i.shape)} testId="insp-shape" />
        <Row k="strides (elements)" v={pyTuple(i.strides)} testId="insp-strides" />
        <Row k="strides (bytes)" v={pyTuple(i.byteStrides)} testId="insp-byte-strides" />
        <Row k="storage offset" v={`${count(i.offset, 'element')} · ${i.byteOffset} B`} testId="insp-offset" />
        <Row k="data_ptr" v={hex(i.dataPtr)} testId="insp-data-ptr" />
        <Row k={sel.origin ? 'buffer' : 'storage'} testId="insp-storage" v={sel.origin
          ? <>{sel.origin.bufferKind} · base {hex(i.storage.dataPtr)} · {formatBytes(i.storage.nbytes)}</>
          : <>#{bufferIdOf(i.storage.id, workspace.memoryBlocks)} · base {hex(i.storage.dataPtr)} · {formatBytes(i.storage.nbytes)}</>} />
        <Row k="device" v={<>{i.device}{(dev?.simulated || i.storage.simulated) && <span className="badge sim">simulated</span>}{i.storage.pinned && <span className="badge">pinned</span>}</>} testId="insp-device" />
        <Row k="numel · nbytes" v={`${i.numel.toLocaleString()} · ${formatBytes(i.nbytes)}`} />
        <Row k="flags" testId="insp-flags" v={<span className="flags">
          <Flag on={f.cContiguous} name="C_CONTIGUOUS" /><Flag on={f.fContiguous} name="F_CONTIGUOUS" />
          <Flag on={f.writeable} name="WRITEABLE" /><Flag on={f.ownsData} name="OWNDATA" /><Flag on={f.aligned} name="ALIGNED" />
          {i.requiresGrad && <Flag on name="requires_grad" />}{i.conj && <Flag on name="conj" />}{i.neg && <Flag on name="neg" />}
        </span>} />
        {!sel.origin && <Row k="base" testId="insp-base" v={i.baseId === null ? 'None' : base ? <button className="link" onClick={() => store.dispatch({ type: 'select', id: base.info.id })}>{primaryName(base)}</button> : `#${i.baseId} (unnamed)`} />}
        {i.byteOrder !== '=' && i.byteOrder !== '|' && <Row k="byte order" v={i.byteOrder === '>' ? 'big-endian' : 'little-endian'} />}
      </dl>
      <div className="formula" data-testid="insp-formula">
        <div className="muted small">address of {hv ? `${primaryName(sel)}[${hv.join(', ')}]` : 'the hovered element'} = data_ptr + Σ iₖ·strideₖ·itemsize</div>
        <code>{hv ? addressFormula(i, hv) : 'hover a cell in the logical or memory view'}</code>
      </div>
      <LayoutCost info={i} />
    </div>
  )
}

function Flag({ on, name }: { on: boolean; name: string }): React.JSX.Element {
  return <span className={on ? 'flag on' : 'flag'} title={`${name}: ${on ? 'True' : 'False'}`}>{name}</span>
}
