// The fade of a write flash: calls back with the flash's brightness (1 → 0)
// on animation frames for FLASH_MS, then once with 0. Returns a cancel.
export const FLASH_MS = 2500

export function animateFlash(onAmount: (amount: number) => void): () => void {
  const t0 = performance.now()
  let raf = 0
  const tick = (now: number): void => {
    const a = Math.max(0, 1 - (now - t0) / FLASH_MS)
    onAmount(a)
    if (a > 0) raf = requestAnimationFrame(tick)
  }
  onAmount(1)
  raf = requestAnimationFrame(tick)
  return () => { cancelAnimationFrame(raf); onAmount(0) }
}
