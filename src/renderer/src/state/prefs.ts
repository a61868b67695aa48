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
