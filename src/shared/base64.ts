// Bytes ⇄ standard base64 for file uploads (openFileBytes). Uses the global
// atob/btoa, which exist in browsers, Electron's renderer and Node >= 16, so the
// same code serves the server, main and the renderer.

const CHUNK = 0x8000 // String.fromCharCode(...) argument count stays well under engine limits

export function encodeBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return btoa(binary)
}

/** The platform's own decoder (Uint8Array.fromBase64: Chromium 140+, recent Node) where it has one. */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64

export function decodeBase64(text: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64(text)
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}
