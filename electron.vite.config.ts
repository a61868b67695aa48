import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// main and preload run in Node/Electron; the renderer is the same bundle in
// Electron and in browser mode (src/server serves out/renderer).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The session worker thread is its own entry (out/main/session-worker.js, see src/session/worker-service.ts).
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'session-worker': resolve(__dirname, 'src/session/worker-entry.ts')
        },
        external: [/\.node$/]
      }
    }
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    plugins: [react()]
  }
})
