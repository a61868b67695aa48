// Saving things out of the app: the current 3D view as PNG, the session as .py.
import type { Controller } from './controller'
import type { ViewRegistry } from './context'
import { downloadText, downloadUrl } from './download'

export function exportPNG(views: ViewRegistry): boolean {
  const v = views.current()
  if (!v) return false
  downloadUrl(v.toPNG(), `stridescope-${v.name}.png`)
  return true
}

export async function exportScript(controller: Controller): Promise<void> {
  const script = await controller.exportScript()
  downloadText(script, 'stridescope-session.py', 'text/x-python')
}
