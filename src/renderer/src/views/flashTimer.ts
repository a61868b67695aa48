// The fade of a write flash: calls back with the flash's brightness (1 → 0)
// on animation frames for FLASH_MS, then once with 0. Returns a cancel. A
// flash keeps its start time, so a view rebuilt mid-fade (another row width,
// a relayout) continues the fade instead of starting it again.
export const FLASH_MS = 2500

const starts = new WeakMap<object, number>()

export function animateFlash(flash: object, onAmount: (amount: number) => void): () => void {
  const t0 = starts.get(flash) ?? performance.now()
  starts.set(flash, t0)
  if (performance.now() - t0 >= FLASH_MS) return () => {}
  let raf = 0
  const tick = (now: number): void => {
    const a = Math.max(0, 1 - (now - t0) / FLASH_MS)
    onAmount(a)
    if (a > 0) raf = requestAnimationFrame(tick)
  }
  onAmount(Math.max(0, 1 - (performance.now() - t0) / FLASH_MS))
  raf = requestAnimationFrame(tick)
  return () => { cancelAnimationFrame(raf); onAmount(0) }
}
