// Saving things out of the app: the current 3D view as PNG, the session as .py.
import type { Controller } from './controller'
import type { ViewRegistry } from './context'

function download(url: string, filename: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
}

export function exportPNG(views: ViewRegistry): boolean {
  const v = views.current()
  if (!v) return false
  download(v.toPNG(), `stridescope-${v.name}.png`)
  return true
}

export async function exportScript(controller: Controller): Promise<void> {
  const script = await controller.exportScript()
  const url = URL.createObjectURL(new Blob([script], { type: 'text/x-python' }))
  download(url, 'stridescope-session.py')
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
