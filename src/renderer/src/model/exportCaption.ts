// What an exported picture says about itself: a title naming the object
// (name, library type, dtype, shape, strides, offset) and the legend entries
// (colour scale with its ends, sharers with their colours). Plain data; the
// PNG is drawn from it in state/exports.
import { pyTuple } from './address'
import type { ObjectInfo } from './types'

export interface ExportLegend {
  /** What the colour ramp means, and its two ends. */
  scale: { label: string; min: string; max: string } | null
  /** Swatches: fill colours, or outline colours when `outline`. */
  items: Array<{ color: string; label: string; outline?: boolean; hatch?: boolean }>
}

export interface ExportCaption {
  title: string
  subtitle: string
  legend: ExportLegend
  /** Text drawn over the view (arrows, ruler, axes), in CSS px of a `width` × `height` view. */
  overlay?: { labels: Array<{ x: number; y: number; w: number; h: number; text: string; boxed: boolean }>; width: number; height: number }
}

/** Splits a ' · '-separated line into lines of at most `fits` (a measure) wide. */
export function wrapParts(line: string, fits: (s: string) => boolean): string[] {
  const parts = line.split(' · ')
  const out: string[] = []
  let cur = ''
  for (const p of parts) {
    const next = cur ? `${cur} · ${p}` : p
    if (cur && !fits(next)) { out.push(cur); cur = p } else cur = next
  }
  if (cur) out.push(cur)
  return out
}

export function objectTitle(name: string, info: Pick<ObjectInfo, 'kind' | 'dtype' | 'shape' | 'strides' | 'byteStrides' | 'offset' | 'device'>): { title: string; subtitle: string } {
  const lib = info.kind === 'tensor' ? 'torch.Tensor' : 'numpy.ndarray'
  return {
    title: `${name}: ${lib} ${info.dtype} shape ${pyTuple(info.shape)}`,
    subtitle: `strides ${pyTuple(info.strides)} elements = ${pyTuple(info.byteStrides)} bytes · storage offset ${info.offset} · ${info.device}`
  }
}
