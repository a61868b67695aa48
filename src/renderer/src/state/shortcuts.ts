// Keyboard shortcuts. Single keys act only when no text field has the focus,
// so typing in the console or a form never triggers them.
import type { AppContext } from './context'
import { exportPNG, exportScript } from './exports'

export const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl+K or /', 'focus the console'],
  ['Enter · Shift+Enter', 'run the console line · new line in a block'],
  ['↑ / ↓ (in the console)', 'history'],
  ['1 2 3 4 5', 'logical · memory · both · device lanes · profiler'],
  ['J / K', 'next / previous object'],
  ['U / Shift+U', 'undo / redo a camera change'],
  ['F', 'frame the object'],
  ['P', 'save the view as PNG'],
  ['S', 'save the session as a .py file'],
  ['T', 'switch dark / light theme'],
  ['Esc', 'clear the hover and picked cell; close help'],
  ['?', 'this help']
]

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el) return false
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)
}

export function handleShortcut(e: KeyboardEvent, app: AppContext, toggleHelp: (open?: boolean) => void): boolean {
  const { store, views, controller } = app
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
    window.dispatchEvent(new Event('stridescope:focus-console'))
    return true
  }
  if (e.key === 'Escape') {
    store.dispatch({ type: 'hover', hover: null })
    store.dispatch({ type: 'pick', picked: null })
    toggleHelp(false)
    return false
  }
  if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return false
  const s = store.get()
  switch (e.key) {
    case '/': window.dispatchEvent(new Event('stridescope:focus-console')); return true
    case '1': store.dispatch({ type: 'view', view: 'logical' }); return true
    case '2': store.dispatch({ type: 'view', view: 'memory' }); return true
    case '3': store.dispatch({ type: 'view', view: 'split' }); return true
    case '4': store.dispatch({ type: 'view', view: 'lanes' }); return true
    case '5': store.dispatch({ type: 'view', view: 'profiler' }); return true
    case 'j': case 'k': {
      const ids = s.workspace.objects.map((o) => o.info.id)
      if (!ids.length) return true
      const at = s.selectedId === null ? -1 : ids.indexOf(s.selectedId)
      const next = e.key === 'j' ? (at + 1) % ids.length : (at - 1 + ids.length) % ids.length
      store.dispatch({ type: 'select', id: ids[next] })
      return true
    }
    case 'u': views.current()?.undoCamera(); return true
    case 'U': views.current()?.redoCamera(); return true
    case 'f': views.current()?.resetCamera(); return true
    case 'p': exportPNG(views); return true
    case 's': void exportScript(controller); return true
    case 't': store.dispatch({ type: 'theme', theme: s.theme === 'dark' ? 'light' : 'dark' }); return true
    case '?': toggleHelp(); return true
  }
  return false
}
