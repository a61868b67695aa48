// Small settings the window keeps across reloads (pane sizes, folded forms), in
// localStorage; a page without storage (or one that refuses) keeps the defaults.

export function loadPref(key: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(key)
  } catch {
    return null
  }
}

export function savePref(key: string, value: string): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(key, value)
  } catch {
    // storage full or refused: the setting lasts until the page goes
  }
}

const PRESENTING_KEY = 'stridescope.presenting'

/**
 * Whether this window (this tab: sessionStorage) has a lesson open, so that a reload in the
 * middle of one ends it and brings the person's workspace back, while another window that
 * opens leaves a lesson presented elsewhere alone.
 */
export function markPresenting(on: boolean): void {
  try {
    if (typeof sessionStorage === 'undefined') return
    if (on) sessionStorage.setItem(PRESENTING_KEY, '1')
    else sessionStorage.removeItem(PRESENTING_KEY)
  } catch {
    // no per-tab storage: a reload mid-lesson shows the banner that offers the way back instead
  }
}

export function wasPresenting(): boolean {
  try {
    return typeof sessionStorage !== 'undefined' && sessionStorage.getItem(PRESENTING_KEY) === '1'
  } catch {
    return false
  }
}
