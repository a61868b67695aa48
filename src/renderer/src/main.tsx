// Renderer entry: connect to the host (Electron preload or browser-mode
// WebSocket), then mount the app. The window is usable before the first
// snapshot arrives; data-ready on the root says when it is.
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { Ctx, ViewRegistry, type AppContext } from './state/context'
import { Controller } from './state/controller'
import { Store } from './state/store'
import { initialState } from './state/appState'
import { connectHost, ProtocolMismatch } from './host'
import './styles/app.css'

const savedTheme = localStorage.getItem('stridescope.theme')
const theme = savedTheme === 'light' || savedTheme === 'dark'
  ? savedTheme
  : window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark'
const store = new Store({ ...initialState, theme })
const root = createRoot(document.getElementById('root')!)

connectHost()
  .then(async (host) => {
    const controller = new Controller(store, host)
    const app: AppContext = { store, controller, views: new ViewRegistry() }
    // Exposed for the fps benchmark and for debugging from the devtools console.
    ;(window as unknown as { __stridescope?: AppContext }).__stridescope = app
    root.render(<Ctx.Provider value={app}><App /></Ctx.Provider>)
    await controller.start()
  })
  .catch((e: unknown) => {
    if (e instanceof ProtocolMismatch) {
      // The page and the server are different versions: the page reads nothing more from it.
      root.render(
        <div className="fatal version-mismatch" data-testid="version-mismatch" role="alert">
          <p>{e.message}</p>
          <button type="button" onClick={() => location.reload()}>Reload the page</button>
        </div>
      )
      return
    }
    const message = e instanceof Error ? e.message : String(e)
    root.render(<div className="fatal" data-testid="connect-error" role="alert">Stridescope could not reach its engine: {message}</div>)
  })
