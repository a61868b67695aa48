// From an engine OpReport (or the runner's/session's OpRecord built from one) to
// what the profiler shows: the kind of operation, whether and why bytes were
// copied, how many, and the rate achieved against this machine's memcpy peak.
// Op names are the engine binding's (native/binding: 'fromNumpy', 'contiguous', 'cuda', ...).
import { gbps, rateFraction } from './stats'
import type { CopyCause, DevicePeak, OpKind, PeakRef, ProfiledOp, ReportLike } from './types'

/** Ops that write into existing memory (visible through every alias). */
const WRITE_OPS = new Set(['setitem', 'fill', 'inplace', 'copy_', 'zero_'])
/** Ops that move a tensor between devices (PyTorch's to/cuda/cpu). */
const MOVE_OPS = new Set(['cuda', 'cpu', 'toDevice'])
/** NumPy ⇄ PyTorch bridge and dtype conversions: a conversion whether or not it copies. */
const CONVERSION_OPS = new Set([
  'fromNumpy', 'numpy', 'asTensor', 'tensor', 'torchAsarray', 'npAsarray', 'npArray', 'fromDlpack', 'toDlpack',
  'astype', 'toDtype', 'ascontiguousarray', 'asfortranarray',
])
/** Ops that copy by definition, whatever the layout. */
const ALWAYS_COPY = new Set(['tensor', 'npArray', 'flatten', 'copy', 'clone', 'pinMemory'])


export function classifyKind(r: ReportLike): OpKind {
  // A factory's new buffer (the engine reports kernel 'alloc' with the bytes it filled).
  if (r.kernel === 'alloc') return 'alloc'
  if (WRITE_OPS.has(r.op)) return 'write'
  if (r.transfer && r.transfer.from !== r.transfer.to) return 'transfer'
  if (MOVE_OPS.has(r.op)) return r.copied ? 'transfer' : 'view' // .cuda() on a cuda tensor returns itself
  if (CONVERSION_OPS.has(r.op)) return 'conversion'
  return r.copied ? 'copy' : 'view'
}

/**
 * Why bytes were copied, in the categories. The engine's reason text is
 * the first source; the kernel path adds what it shows (a pageable host side means
 * the driver stages through a pinned buffer, the slow path of cudaMemcpy).
 */
export function copyCauses(r: ReportLike, kind: OpKind = classifyKind(r)): CopyCause[] {
  if (!r.copied) return []
  const out = new Set<CopyCause>()
  const reason = (r.reason ?? '').toLowerCase()
  const kernel = r.kernel.toLowerCase()
  if (kind === 'write') out.add('write')
  if (reason.includes('device') || kind === 'transfer') out.add('device change')
  if (reason.includes('dtype') || reason.includes('cast') || kernel.includes('cast')) out.add('dtype change')
  if (reason.includes('contiguous') || reason.includes('strided') || reason.includes('layout')) out.add('non-contiguous source')
  // Only a host<->device copy stages; "pageable" on a device-to-device path means nothing.
  if (kind === 'transfer' && kernel.includes('pageable')) out.add('pageable staging')
  if (out.size === 0 && ALWAYS_COPY.has(r.op)) out.add(r.op === 'clone' || r.op === 'copy' ? 'explicit copy' : 'always copies')
  if (out.size === 0 && r.op === 'contiguous') out.add('non-contiguous source') // contiguous() only copies then
  if (out.size === 0) out.add('other')
  return [...out]
}

/** A transfer to or from the simulated cuda device: its kernel path says so (native/core/simulated_backend.cc). */
export function isSimulated(r: ReportLike): boolean {
  return /\bsimulated\b/i.test(r.kernel) || (r.transfer !== undefined && /simulated/i.test(`${r.transfer.from} ${r.transfer.to}`))
}

function lineOf(r: ReportLike): string {
  if (typeof r.source === 'string') return r.source
  return typeof r.line === 'string' ? r.line : ''
}

/**
 * `peak`: this machine's measured memcpy peak (src/profiler/node/peak.ts: by size, or one figure), null when unknown;
 * `device`: a real GPU's transfer peaks (src/profiler/node/device-peak.ts), which real transfers are compared with.
 */
export function profileRecord(r: ReportLike, peak: PeakRef = null, device: Pick<DevicePeak, 'h2dPinnedGbps' | 'd2hPinnedGbps'> | null = null): ProfiledOp {
  const kind = classifyKind(r)
  const bytes = r.copied || kind === 'alloc' ? r.bytes : 0
  const rate = gbps(bytes, r.seconds)
  const transfer = r.transfer ?? (kind === 'transfer' ? guessTransfer(r) : null)
  const simulated = isSimulated(r)
  return {
    op: r.op,
    line: lineOf(r),
    kind,
    copied: r.copied,
    causes: copyCauses(r, kind),
    reason: r.reason ?? '',
    bytes,
    kernel: r.kernel,
    seconds: r.seconds,
    gbps: rate,
    // Filling a new buffer is not a memcpy: no fraction of the memcpy peak.
    peakFraction: kind === 'alloc' ? null : rateFraction(rate, bytes, peak, transfer, simulated, device),
    transfer,
    simulated,
  }
}

// A move whose report lacks the transfer field: the direction is in the kernel path (H2D/D2H).
function guessTransfer(r: ReportLike): ProfiledOp['transfer'] {
  const k = r.kernel
  const pinned = /\bpinned\b/.test(k)
  if (/H2D/.test(k)) return { from: 'cpu', to: 'cuda:0', pinned }
  if (/D2H/.test(k)) return { from: 'cuda:0', to: 'cpu', pinned }
  return null
}
