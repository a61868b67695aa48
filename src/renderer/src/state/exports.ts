// Saving things out of the app: the current 3D view as PNG (with a title naming
// the object and the view's legend and colour scale drawn around it), the
// session as .py.
import type { Controller } from './controller'
import type { ViewRegistry } from './context'
import { downloadText, downloadUrl } from './download'
import { ramp_css } from '../model/colormap'
import { wrapParts, type ExportCaption } from '../model/exportCaption'

export function exportPNG(views: ViewRegistry): boolean {
  const v = views.current()
  if (!v) return false
  const url = v.toPNG()
  const caption = v.caption?.() ?? null
  if (!caption) {
    downloadUrl(url, `stridescope-${v.name}.png`)
    return true
  }
  void composePNG(url, caption).then((out) => downloadUrl(out, `stridescope-${v.name}.png`))
  return true
}

const LINE = 18
const FOOT = 30
const FONT = '13px system-ui, sans-serif'
const MONO = '12px ui-monospace, monospace'

/** The view's picture with the title above and the legend below, as a PNG data URL. */
export async function composePNG(viewUrl: string, caption: ExportCaption): Promise<string> {
  const img = new Image()
  img.src = viewUrl
  await img.decode()
  const c = document.createElement('canvas')
  c.width = Math.max(img.width, 640)
  const g = c.getContext('2d')!
  g.font = MONO
  const sub = wrapParts(caption.subtitle, (s) => g.measureText(s).width <= c.width - 20)
  const HEAD = 10 + LINE * (1 + sub.length)
  c.height = img.height + HEAD + FOOT
  const dark = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#111418'
  const text = getComputedStyle(document.documentElement).getPropertyValue('--text').trim() || '#d9dee5'
  g.fillStyle = dark
  g.fillRect(0, 0, c.width, c.height)
  g.drawImage(img, 0, HEAD)
  const panel = getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || dark
  const line = getComputedStyle(document.documentElement).getPropertyValue('--line').trim() || text
  // The labels over the view (arrows, ruler, axes, counts), where the page shows them.
  const o = caption.overlay
  if (o && o.width > 0) {
    const k = img.width / o.width
    g.font = `${Math.round(11 * k)}px ui-monospace, monospace`
    for (const l of o.labels) {
      const x = l.x * k, y = HEAD + l.y * k
      if (l.boxed) {
        g.fillStyle = panel
        g.fillRect(x, y, l.w * k, l.h * k)
        g.strokeStyle = line
        g.strokeRect(x + 0.5, y + 0.5, l.w * k - 1, l.h * k - 1)
      }
      g.fillStyle = text
      g.fillText(l.text, x + 3 * k, y + l.h * k * 0.75)
    }
  }
  g.fillStyle = text
  g.font = `600 ${FONT}`
  g.fillText(caption.title, 10, LINE)
  g.font = MONO
  sub.forEach((s, i) => g.fillText(s, 10, LINE * (2 + i)))
  // Legend: the colour scale with its ends, then the swatches.
  let x = 10
  const y = HEAD + img.height + 8
  g.font = FONT
  const s = caption.legend.scale
  if (s) {
    g.fillText(`${s.label} ${s.min}`, x, y + 11)
    x += g.measureText(`${s.label} ${s.min}`).width + 6
    const grad = g.createLinearGradient(x, 0, x + 140, 0)
    for (const t of [0, 0.25, 0.5, 0.75, 1]) grad.addColorStop(t, ramp_css(t))
    g.fillStyle = grad
    g.fillRect(x, y, 140, 14)
    x += 146
    g.fillStyle = text
    g.fillText(s.max, x, y + 11)
    x += g.measureText(s.max).width + 16
  }
  for (const it of caption.legend.items) {
    if (it.outline) {
      g.strokeStyle = it.color
      g.lineWidth = 2
      g.strokeRect(x + 1, y + 1, 12, 12)
    } else {
      g.fillStyle = it.color
      g.fillRect(x, y, 14, 14)
      if (it.hatch) {
        g.save()
        g.beginPath()
        g.rect(x, y, 14, 14)
        g.clip()
        g.strokeStyle = text
        g.lineWidth = 1
        for (let k = -14; k < 14; k += 4) { g.beginPath(); g.moveTo(x + k, y + 14); g.lineTo(x + k + 14, y); g.stroke() }
        g.restore()
      }
    }
    g.fillStyle = text
    g.fillText(it.label, x + 18, y + 11)
    x += 18 + g.measureText(it.label).width + 14
  }
  return c.toDataURL('image/png')
}

export async function exportScript(controller: Controller): Promise<void> {
  const script = await controller.exportScript()
  downloadText(script, 'stridescope-session.py', 'text/x-python')
}
